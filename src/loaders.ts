import DataLoader from 'dataloader';
import type { PageRequest } from './pagination/connection.js';
import type { EcgridUpstream } from './upstream/client.js';
import type { InterchangePage, InterchangeRecord, MailboxInterchangeStatsRecord } from './upstream/types.js';

/**
 * The per-request face of ECGrid: one set per GraphQL request, bound to its credential through
 * `upstream`, so identical upstream calls within the request happen once and nothing is shared
 * between requests.
 */
export interface EcgridLoaders {
  readonly mailboxStats: DataLoader<'current', MailboxInterchangeStatsRecord>;
  readonly interchangePage: DataLoader<PageRequest, InterchangePage, string>;
  readonly interchangeById: DataLoader<number, InterchangeRecord | null>;
}

// No upstream endpoint takes several keys at once: a "batch" is parallel single calls.
const each = <K, V>(call: (key: K) => Promise<V>) => (keys: readonly K[]) =>
  Promise.all(keys.map((key) => call(key).catch((error: unknown) => toError(error))));

export function createLoaders(upstream: EcgridUpstream): EcgridLoaders {
  const interchangeById = new DataLoader<number, InterchangeRecord | null>(each((id) => upstream.interchange(id)));

  const interchangePage = new DataLoader<PageRequest, InterchangePage, string>(
    each(async (request) => {
      const { filter, page } = request;
      const answer = await upstream.listInterchanges(request.direction, {
        mailboxId: filter.mailboxId,
        ecGridIdFrom: filter.ecGridIdFrom,
        ecGridIdTo: filter.ecGridIdTo,
        beginDate: filter.beginDate,
        endDate: filter.endDate,
        pageNo: page.pageNo,
        recordsPerPage: page.recordsPerPage,
      });
      // Rows seen in a list answer later lookups of the same interchange in this request.
      for (const row of answer.interchanges) {
        const id = row.interchangeId;
        if (typeof id === 'number' && Number.isSafeInteger(id)) interchangeById.prime(id, row);
      }
      return answer;
    }),
    { cacheKeyFn: pageKey },
  );

  const mailboxStats = new DataLoader<'current', MailboxInterchangeStatsRecord>(
    each(() => upstream.mailboxInterchangeStats()),
  );

  return { mailboxStats, interchangePage, interchangeById };
}

export function pageKey({ direction, filter, page }: PageRequest): string {
  return [
    direction,
    filter.mailboxId ?? '',
    filter.ecGridIdFrom ?? '',
    filter.ecGridIdTo ?? '',
    filter.beginDate?.getTime() ?? '',
    filter.endDate?.getTime() ?? '',
    page.pageNo,
    page.recordsPerPage,
  ].join('|');
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
