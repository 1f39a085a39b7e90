/**
 * The Relay connection engine over ECGrid's page-number lists, for any row type: checks the
 * arguments, pins the walk, plans the fewest upstream pages and writes the edges and cursors.
 */
import { createHash } from 'node:crypto';
import { BadInputError } from '../graphql/errors.js';
import { cursorWriter, decodeCursor } from './cursor.js';
import { COUNT_PAGE, MAX_RECORDS_PER_PAGE, type UpstreamPage } from './page-plan.js';
import { FetchedRows, type ListPage } from './rows.js';
import { provisionalRange, relayWindow, type WindowArgs } from './window.js';

export type { ListPage } from './rows.js';

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
  /** false for lists whose pages carry no totalRecords (ECGrid's parcel lists): a short page is the last. */
  readonly totals?: boolean | undefined;
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
  /** null for a list without totals. */
  readonly totalCount: number | null;
}

export interface PlannedConnection {
  readonly hash: string;
  /** The walk's effective endDate (ms since epoch). */
  readonly pin: number;
  /** The filter starts after the pin: the list is empty, no call needed. */
  readonly empty: boolean;
  readonly window: WindowArgs;
  /** The list's pages carry its total. */
  readonly totals: boolean;
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
  const totals = list.totals !== false;
  if (!totals && last !== undefined && before === undefined && first === undefined) {
    throw new BadInputError('last needs before (or first): this list has no total to count back from', 'last');
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
    totals,
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
 * the same pages, or from the smallest page (one row) when no rows are needed. A list without
 * totals is answered from its rows and one look-ahead row (`windowWithoutTotals`).
 */
export async function resolveConnection<Row>(
  plan: PlannedConnection,
  needs: ConnectionNeeds,
  loadPage: LoadPage<Row>,
): Promise<ConnectionResult<Row>> {
  const { pin, window, empty } = plan;
  const load = (page: UpstreamPage) => loadPage(page, pin);
  const fetched = new FetchedRows(load, empty ? 0 : undefined);

  if (!plan.totals) {
    // The cursors' own rows were in the pinned list when they were issued.
    fetched.atLeast = Math.max(window.after ?? -1, window.before ?? -1) + 1;
    if (!empty && (needs.edges || needs.pageInfo)) {
      const range = fetchRange(window);
      await fetched.fetch(range.start, range.end);
    }
  } else {
    if (needs.edges && !empty) {
      const range = provisionalRange(window) ?? relayWindow(window, await knowTotal(fetched, load));
      if (range.end > range.start) await fetched.fetch(range.start, range.end);
    }
    if (needs.pageInfo || needs.totalCount) await knowTotal(fetched, load);
  }
  // The length is unknown only when no part needed a call; the window is then empty anyway.
  const final = relayWindow(window, fetched.length);
  // The provisional range assumed the list reaches the cursors; when it is shorter, fetch again.
  if (needs.edges && !empty && !fetched.holds(final.start, final.end)) await fetched.fetch(final.start, final.end);

  const cursorAt = cursorWriter(plan.hash, pin);
  const edges: EdgeResult<Row>[] = [];
  if (needs.edges) {
    for (let offset = final.start; offset < final.end; offset += 1) {
      const node = fetched.rows.get(offset);
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
    totalCount: plan.totals ? (fetched.total ?? 0) : null,
  };
}

async function knowTotal<Row>(fetched: FetchedRows<Row>, load: (page: UpstreamPage) => Promise<ListPage<Row>>): Promise<number> {
  fetched.total ??= (await load(COUNT_PAGE)).totalRecords ?? 0;
  return fetched.total;
}

/**
 * The rows a list without totals must fetch to answer a window exactly: the window and one row
 * past it (hasNextPage), or through the `before` edge itself, all in one page where one can hold them.
 */
function fetchRange(window: WindowArgs): { start: number; end: number } {
  const rangeStart = window.after === undefined ? 0 : window.after + 1;
  const through = window.before === undefined ? Infinity : window.before + 1;
  if (window.first !== undefined) {
    // With `last` too, Relay's hasPreviousPage asks whether more than `last` rows lie past `after`.
    return { start: rangeStart, end: Math.min(through, rangeStart + Math.max(window.first, window.last ?? 0) + 1) };
  }
  // planConnection lets `last` through here only with `before`.
  const before = window.before ?? rangeStart;
  return { start: Math.max(rangeStart, before - (window.last ?? 0)), end: Math.max(rangeStart, before) + 1 };
}

/** A short hash of the list's canonical key; cursors carry it so they only work for it. */
export function listHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 10);
}
