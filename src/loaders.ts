import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { PageRequest } from './pagination/connection.js';
import type { EcgridUpstream } from './upstream/client.js';
import { canonicalRequest } from './upstream/request-key.js';
import type { InterchangeListQuery, InterchangePage, InterchangeRecord, MailboxInterchangeStatsRecord } from './upstream/types.js';

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

/**
 * How many single-interchange lookups one request runs at once. A federated `_entities` or a
 * `nodes(ids:)` call can ask for hundreds of ids, and each is its own ECGrid call: the bound keeps
 * one request from taking the whole upstream connection pool (ECGRID_CONNECTIONS) or tripping
 * ECGrid's rate limit in one burst.
 */
export const INTERCHANGE_LOOKUP_CONCURRENCY = 8;

// No upstream endpoint takes several keys at once: a "batch" is parallel single calls, answered
// in the order of the keys, each key its own value or error; `limit` bounds how many run at once.
const each =
  <K, V>(call: (key: K) => Promise<V>, limit: <T>(run: () => Promise<T>) => Promise<T> = (run) => run()) =>
  (keys: readonly K[]) =>
    Promise.all(keys.map((key) => limit(() => call(key)).catch((error: unknown) => toError(error))));

export function createLoaders(upstream: EcgridUpstream): EcgridLoaders {
  // The list pages this request has fetched, and those still in flight. Their rows answer lookups
  // by id, indexed on the first lookup: most requests make none, and indexing (or priming the
  // lookup loader) for every row of every page cost ~4 KB and a Promise a row (bench/README.md).
  const pages: InterchangePage[] = [];
  const pagesInFlight = new Set<Promise<unknown>>();
  const rowsById = new Map<number, InterchangeRecord>();
  let pagesIndexed = 0;
  const rowById = (id: number): InterchangeRecord | undefined => {
    for (; pagesIndexed < pages.length; pagesIndexed += 1) {
      for (const row of pages[pagesIndexed]!.interchanges) {
        const rowId = row.interchangeId;
        if (typeof rowId === 'number' && !rowsById.has(rowId)) rowsById.set(rowId, row);
      }
    }
    return rowsById.get(id);
  };
  // One bound for the whole request, however many batches its lookups arrive in.
  // Made on the first lookup: most requests make none, and a p-limit costs ~3% of a small query.
  let limiter: ReturnType<typeof pLimit> | undefined;
  const lookupLimit = <T>(run: () => Promise<T>): Promise<T> => (limiter ??= pLimit(INTERCHANGE_LOOKUP_CONCURRENCY))(run);

  const interchangeById = new DataLoader<number, InterchangeRecord | null>(
    async (ids) => {
      // A lookup next to a list in the same operation usually asks for a row of that list:
      // let the pages already on their way answer it rather than calling ECGrid again.
      if (pagesInFlight.size > 0) await Promise.allSettled([...pagesInFlight]);
      return each((id: number) => {
        const row = rowById(id);
        return row ? Promise.resolve(row) : upstream.interchange(id);
      }, lookupLimit)(ids);
    },
    // Run after every root field has started its loads, so pages started alongside are known.
    { batchScheduleFn: (callback) => setImmediate(callback) },
  );

  const interchangePage = new DataLoader<PageRequest, InterchangePage, string>(
    each((request) => {
      const call = upstream.listInterchanges(request.direction, listQuery(request)).then((answer) => {
        pages.push(answer);
        return answer;
      });
      pagesInFlight.add(call);
      const forget = () => pagesInFlight.delete(call);
      call.then(forget, forget);
      return call;
    }),
    { cacheKeyFn: pageKey },
  );

  const mailboxStats = new DataLoader<'current', MailboxInterchangeStatsRecord>(
    each(() => upstream.mailboxInterchangeStats()),
  );

  return { mailboxStats, interchangePage, interchangeById };
}

function listQuery({ filter, page }: PageRequest): InterchangeListQuery {
  return { ...filter, pageNo: page.pageNo, recordsPerPage: page.recordsPerPage };
}

/** Two page requests are the same load exactly when ECGrid would receive the same request. */
export function pageKey(request: PageRequest): string {
  return canonicalRequest.list(request.direction, listQuery(request));
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
