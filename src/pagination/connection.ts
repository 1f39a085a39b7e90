/**
 * The Relay connection engine over ECGrid's page-number lists, for any row type: checks the
 * arguments, pins the walk, plans the fewest upstream pages and writes the edges and cursors.
 */
import { createHash } from 'node:crypto';
import { BadInputError } from '../graphql/errors.js';
import { cursorWriter, decodeCursor } from './cursor.js';
import { COUNT_PAGE, MAX_RECORDS_PER_PAGE, planPages, type UpstreamPage } from './page-plan.js';
import { provisionalRange, relayWindow, type WindowArgs } from './window.js';

export const DEFAULT_PAGE_SIZE = 100;

export interface ConnectionArgs {
  readonly first?: number | null | undefined;
  readonly last?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly before?: string | null | undefined;
}

/** The list a connection walks: what its cursors are bound to, and its filter's time window. */
export interface ListIdentity {
  /** The list and its filter, canonical: equal exactly for the same list and filter. */
  readonly key: string;
  readonly beginDate?: Date | undefined;
  readonly endDate?: Date | undefined;
}

/** One upstream page of a list: its rows, and the list's total (ECGrid's totalRecords). */
export interface ListPage<Row> {
  readonly totalRecords: number;
  readonly rows: readonly Row[];
}

/** Loads one upstream page of the list with its endDate pinned to `pin` (ms since epoch). */
export type LoadPage<Row> = (page: UpstreamPage, pin: number) => Promise<ListPage<Row>>;

/** Which parts of the connection the operation selected; parts not selected cost nothing. */
export interface ConnectionNeeds {
  readonly edges: boolean;
  readonly pageInfo: boolean;
  readonly totalCount: boolean;
}

export interface EdgeResult<Row> {
  readonly cursor: string;
  readonly node: Row;
}

export interface ConnectionResult<Row> {
  readonly edges: EdgeResult<Row>[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: number;
}

export interface PlannedConnection {
  readonly hash: string;
  /** The walk's effective endDate (ms since epoch). */
  readonly pin: number;
  /** The filter starts after the pin: the list is empty, no call needed. */
  readonly empty: boolean;
  readonly window: WindowArgs;
}

/**
 * Checks the arguments and fixes the walk's pin, with no upstream call: everything the caller
 * can get wrong fails here.
 */
export function planConnection(list: ListIdentity, args: ConnectionArgs, now: number): PlannedConnection {
  const first = count(args.first, 'first');
  const last = count(args.last, 'last');
  const hash = listHash(list.key);
  const after = args.after == null ? undefined : decodeCursor(args.after, 'after');
  const before = args.before == null ? undefined : decodeCursor(args.before, 'before');
  for (const [name, cursor] of [['after', after], ['before', before]] as const) {
    if (cursor && cursor.filterHash !== hash) {
      throw new BadInputError(`${name}: this cursor belongs to another list or filter`, name);
    }
  }
  if (after && before && after.pin !== before.pin) {
    throw new BadInputError('after and before come from different walks of this list', 'before');
  }
  const cursorPin = (after ?? before)?.pin;
  // A walk is pinned when it starts, so no cursor of this server is pinned after now.
  if (cursorPin !== undefined && cursorPin > now) {
    throw new BadInputError(`${after ? 'after' : 'before'}: not a cursor issued by this server`, after ? 'after' : 'before');
  }
  // ECGrid keeps whole seconds: pin to the end of the last whole second before now, so an
  // interchange arriving during this second cannot slip into the pinned window.
  const settled = Math.floor(now / 1000) * 1000 - 1000;
  const endDate = list.endDate?.getTime();
  const pin = cursorPin ?? Math.min(endDate ?? settled, settled);
  return {
    hash,
    pin,
    // A filter that starts after the pin can hold nothing.
    empty: list.beginDate !== undefined && list.beginDate.getTime() > pin,
    window: {
      first: first ?? (last === undefined ? DEFAULT_PAGE_SIZE : undefined),
      last,
      after: after?.offset,
      before: before?.offset,
    },
  };
}

function count(value: number | null | undefined, name: 'first' | 'last'): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_RECORDS_PER_PAGE) {
    throw new BadInputError(`${name} must be between 0 and ${MAX_RECORDS_PER_PAGE}`, name);
  }
  return value;
}

/**
 * Fetches what the selected parts need: rows only when `edges` is selected, and the total from
 * the same pages, or from the smallest page (one row) when no rows are needed.
 */
export async function resolveConnection<Row>(
  plan: PlannedConnection,
  needs: ConnectionNeeds,
  loadPage: LoadPage<Row>,
): Promise<ConnectionResult<Row>> {
  const { pin, window, empty } = plan;
  const load = (page: UpstreamPage) => loadPage(page, pin);
  let total: number | undefined = empty ? 0 : undefined;
  const rows = new Map<number, Row>();

  const fetchRows = async (start: number, end: number) => {
    for (let offset = start; offset < end; ) {
      const size = Math.min(end - offset, MAX_RECORDS_PER_PAGE);
      const pages = planPages(offset, size);
      const answers = await Promise.all(pages.map(load));
      answers.forEach((answer, i) => {
        const page = pages[i]!;
        total ??= answer.totalRecords;
        const base = (page.pageNo - 1) * page.recordsPerPage;
        answer.rows.forEach((row, j) => {
          if (j < page.recordsPerPage) rows.set(base + j, row);
        });
      });
      offset += size;
    }
  };
  const knowTotal = async () => {
    if (total === undefined) total = (await load(COUNT_PAGE)).totalRecords;
    return total;
  };

  if (needs.edges && !empty) {
    const range = provisionalRange(window) ?? relayWindow(window, await knowTotal());
    if (range.end > range.start) await fetchRows(range.start, range.end);
  }
  if (needs.pageInfo || needs.totalCount) await knowTotal();
  // total is unknown only when just edges were selected and the range is empty: no call needed.
  const final = relayWindow(window, total ?? 0);

  if (needs.edges && !empty) {
    // The provisional range assumed the list reaches the cursors; when it is shorter, fetch again.
    let missing = false;
    for (let offset = final.start; offset < final.end && !missing; offset += 1) missing = !rows.has(offset);
    if (missing) await fetchRows(final.start, final.end);
  }

  const cursorAt = cursorWriter(plan.hash, pin);
  const edges: EdgeResult<Row>[] = [];
  if (needs.edges) {
    for (let offset = final.start; offset < final.end; offset += 1) {
      const node = rows.get(offset);
      // The upstream's totalRecords promised more rows than its pages hold: return what exists.
      if (node === undefined) break;
      edges.push({ cursor: cursorAt(offset), node });
    }
  }
  const end = needs.edges ? final.start + edges.length : final.end;
  return {
    edges,
    pageInfo: {
      hasNextPage: final.hasNextPage,
      hasPreviousPage: final.hasPreviousPage,
      startCursor: end > final.start ? cursorAt(final.start) : null,
      endCursor: end > final.start ? cursorAt(end - 1) : null,
    },
    totalCount: total ?? 0,
  };
}

/** A short hash of the list's canonical key; cursors carry it so they only work for it. */
export function listHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 10);
}
