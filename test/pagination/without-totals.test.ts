import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConnectionArgs, planConnection, resolveConnection } from '../../src/pagination/connection.js';
import { planPages, type UpstreamPage } from '../../src/pagination/page-plan.js';

// The engine over a list whose pages carry no totals (ECGrid's parcel lists), against the Relay
// spec's algorithm over the same list, counting the upstream pages it asks for.
const NOW = Date.UTC(2026, 11, 7, 12);
const LIST = { key: 'parcels-inbox:{}', totals: false };
const NEEDS = { edges: true, pageInfo: true, totalCount: true };

function model(length: number, args: { first?: number; last?: number; after?: number; before?: number }) {
  let edges = Array.from({ length }, (_, index) => index);
  if (args.after !== undefined) edges = edges.filter((index) => index > args.after!);
  if (args.before !== undefined) edges = edges.filter((index) => index < args.before!);
  const cursored = edges;
  const first = args.first === undefined && args.last === undefined ? 100 : args.first;
  if (first !== undefined && edges.length > first) edges = edges.slice(0, first);
  if (args.last !== undefined && edges.length > args.last) edges = edges.slice(edges.length - args.last);
  return {
    rows: edges,
    hasPreviousPage: args.last !== undefined ? cursored.length > args.last : args.after !== undefined && length > 0,
    hasNextPage: first !== undefined ? cursored.length > first : args.before !== undefined && args.before < length,
  };
}

/** A list of `length` rows (row i is i) served page by page, with no totals, counting calls. */
function upstream(length: number) {
  const calls: UpstreamPage[] = [];
  const loadPage = async (page: UpstreamPage) => {
    calls.push(page);
    const start = (page.pageNo - 1) * page.recordsPerPage;
    const rows = Array.from({ length: Math.max(0, Math.min(page.recordsPerPage, length - start)) }, (_, i) => start + i);
    return { totalRecords: undefined, rows };
  };
  return { calls, loadPage };
}

const page = async (length: number, args: ConnectionArgs, needs = NEEDS) => {
  const { calls, loadPage } = upstream(length);
  const result = await resolveConnection(planConnection(LIST, args, NOW), needs, loadPage);
  return { result, calls };
};

describe('connections over a list without totals', () => {
  it('match the Relay model on random lists and random walks, in at most two pages a window', async () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 500 }));
    const step = fc.record({ first: count, last: count, after: fc.nat(), before: fc.nat() }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1300 }), fc.array(step, { minLength: 1, maxLength: 6 }), async (length, steps) => {
        const offsetOf = new Map<string, number>();
        const known: string[] = [];
        for (const raw of steps) {
          const args: ConnectionArgs & Record<string, unknown> = {};
          const modelArgs: { first?: number; last?: number; after?: number; before?: number } = {};
          if (raw.first !== undefined) modelArgs.first = (args as { first?: number }).first = raw.first;
          if (raw.last !== undefined) modelArgs.last = (args as { last?: number }).last = raw.last;
          if (raw.after !== undefined && known.length > 0) {
            const cursor = known[raw.after % known.length]!;
            (args as { after?: string }).after = cursor;
            modelArgs.after = offsetOf.get(cursor)!;
          }
          if (raw.before !== undefined && known.length > 0) {
            const cursor = known[raw.before % known.length]!;
            (args as { before?: string }).before = cursor;
            modelArgs.before = offsetOf.get(cursor)!;
          }
          if (args.last !== undefined && args.before === undefined && args.first === undefined) {
            expect(() => planConnection(LIST, args, NOW)).toThrow(/last needs before/);
            continue;
          }
          const { result, calls } = await page(length, args);
          const expected = model(length, modelArgs);
          expect(result.edges.map((edge) => edge.node)).toEqual(expected.rows);
          expect(result.pageInfo.hasNextPage).toBe(expected.hasNextPage);
          expect(result.pageInfo.hasPreviousPage).toBe(expected.hasPreviousPage);
          expect(result.pageInfo.startCursor).toBe(result.edges[0]?.cursor ?? null);
          expect(result.pageInfo.endCursor).toBe(result.edges.at(-1)?.cursor ?? null);
          expect(result.totalCount).toBeNull();
          // A window and its look-ahead row: at most 501 rows, so at most two chunks of two pages.
          expect(calls.length).toBeLessThanOrEqual(args.first !== undefined && args.last !== undefined ? 4 : 2);
          for (const edge of result.edges) {
            offsetOf.set(edge.cursor, edge.node);
            known.push(edge.cursor);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers `first` with its look-ahead row in one upstream page whenever one can hold both', async () => {
    for (const [length, first] of [[0, 25], [25, 25], [26, 25], [1000, 25], [1000, 100], [1000, 499], [10, 0]] as const) {
      const { result, calls } = await page(length, { first });
      expect(calls).toEqual([{ pageNo: 1, recordsPerPage: first + 1 }]);
      expect(result.pageInfo.hasNextPage).toBe(length > first);
    }
    // Past the first page: the size planPages picks for the window and the row after it.
    const { result: firstPage } = await page(1000, { first: 37 });
    const { result, calls } = await page(1000, { first: 37, after: firstPage.pageInfo.endCursor });
    expect(calls).toEqual(planPages(37, 38));
    expect(calls).toHaveLength(1);
    expect(result.edges.map((edge) => edge.node)).toEqual(Array.from({ length: 37 }, (_, i) => 37 + i));
  });

  it('walks forward and backward over the whole list, a short page ending the forward walk', async () => {
    for (const [length, size] of [[0, 10], [1, 10], [99, 10], [100, 10], [1234, 100], [1234, 500]] as const) {
      const forward: number[] = [];
      let after: string | null | undefined;
      let pages = 0;
      for (;;) {
        const { result } = await page(length, { first: size, after });
        pages += 1;
        forward.push(...result.edges.map((edge) => edge.node));
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor;
      }
      expect(forward).toEqual(Array.from({ length }, (_, i) => i));
      expect(pages).toBe(Math.max(1, Math.ceil(length / size)));
      if (length === 0) continue;
      const backward: number[] = [];
      let before: string | null = (await page(length, { first: 1, after })).result.pageInfo.endCursor ?? after ?? null;
      // Start from the last edge: its cursor, then walk back with last/before to the start.
      const lastEdge = (await page(length, { first: size, after })).result;
      before = lastEdge.pageInfo.endCursor ?? before;
      const tail = lastEdge.edges.at(-1)?.node ?? length - 1;
      for (;;) {
        const { result } = await page(length, { last: size, before });
        backward.unshift(...result.edges.map((edge) => edge.node));
        if (!result.pageInfo.hasPreviousPage) break;
        before = result.pageInfo.startCursor!;
      }
      expect([...backward, tail]).toEqual(Array.from({ length }, (_, i) => i));
    }
  });

  it('costs nothing for totalCount alone, and refuses `last` without `before` or `first` before any call', async () => {
    const { result, calls } = await page(50, { first: 10 }, { edges: false, pageInfo: false, totalCount: true });
    expect(calls).toHaveLength(0);
    expect(result.totalCount).toBeNull();
    expect(() => planConnection(LIST, { last: 5 }, NOW)).toThrow(expect.objectContaining({ name: 'BadInputError', argument: 'last' }));
  });
});
