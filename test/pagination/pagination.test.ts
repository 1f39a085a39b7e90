import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPages } from '../../src/pagination/page-plan.js';
import type { ApiRow } from '../../src/simulator/simulator.js';
import { ACME, GLOBEX, gql, INITECH, startStack, type Stack } from '../helpers/index.js';

const CONNECTION = /* GraphQL */ `
  query Walk($list: Boolean!, $first: Int, $after: String, $last: Int, $before: String, $filter: InterchangeFilter) {
    inbox(first: $first, after: $after, last: $last, before: $before, filter: $filter) @include(if: $list) {
      ...Page
    }
    outbox(first: $first, after: $after, last: $last, before: $before, filter: $filter) @skip(if: $list) {
      ...Page
    }
  }
  fragment Page on InterchangeConnection {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { interchangeId } }
  }
`;

interface Args {
  first?: number;
  last?: number;
  after?: string;
  before?: string;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { interchangeId: number } }[];
}

const MAILBOXES = [
  { headers: ACME, mailboxId: 1001 },
  { headers: GLOBEX, mailboxId: 1002 },
  { headers: INITECH, mailboxId: 1003 },
];

/**
 * The Relay spec's algorithm, literally, over the ground truth; where the spec lets the server
 * answer what it can cheaply determine, the truthful answer.
 */
function model(all: number[], args: { first?: number; last?: number; after?: number; before?: number }) {
  let edges = all.map((id, index) => ({ id, index }));
  if (args.after !== undefined) edges = edges.filter((e) => e.index > args.after!);
  if (args.before !== undefined) edges = edges.filter((e) => e.index < args.before!);
  const cursored = edges;
  if (args.first === undefined && args.last === undefined) args = { ...args, first: 100 };
  if (args.first !== undefined && edges.length > args.first) edges = edges.slice(0, args.first);
  if (args.last !== undefined && edges.length > args.last) edges = edges.slice(edges.length - args.last);
  return {
    ids: edges.map((e) => e.id),
    hasPreviousPage: args.last !== undefined ? cursored.length > args.last : args.after !== undefined && all.length > 0,
    hasNextPage: args.first !== undefined ? cursored.length > args.first : args.before !== undefined && args.before < all.length,
  };
}

describe('inbox and outbox connections', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const walkPage = async (headers: Record<string, string>, list: 'inbox' | 'outbox', args: Args, filter?: Record<string, unknown>) => {
    const { body } = await gql(stack.app, CONNECTION, { variables: { list: list === 'inbox', ...args, filter }, headers });
    expect(body.errors).toBeUndefined();
    return body.data?.[list] as Page;
  };

  it('matches a model of the Relay spec on random filters and random sequences of requests', async () => {
    const pin = stack.clock.ms - 1000 - (stack.clock.ms % 1000);
    const truthFor = (mailboxId: number, list: 'inbox' | 'outbox', filter: { beginDate?: string; endDate?: string; ecGridIdFrom?: number }) =>
      stack.simulator
        .list(mailboxId, list, {
          beginDate: filter.beginDate ? Date.parse(filter.beginDate) : undefined,
          endDate: Math.min(filter.endDate ? Date.parse(filter.endDate) : pin, pin),
          ecGridIdFrom: filter.ecGridIdFrom,
        })
        .map((r) => Number(r['interchangeId']));

    const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 500 }));
    const step = fc.record(
      {
        first: count,
        last: count,
        after: fc.nat(),
        before: fc.nat(),
      },
      { requiredKeys: [] },
    );
    const scenario = fc.record({
      mailbox: fc.constantFrom(...MAILBOXES),
      list: fc.constantFrom('inbox' as const, 'outbox' as const),
      beginDaysAgo: fc.option(fc.integer({ min: 1, max: 130 }), { nil: undefined }),
      endDaysAgo: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      partner: fc.boolean(),
      steps: fc.array(step, { minLength: 1, maxLength: 5 }),
    });

    await fc.assert(
      fc.asyncProperty(scenario, async ({ mailbox, list, beginDaysAgo, endDaysAgo, partner, steps }) => {
        const day = 86_400_000;
        const filter: { beginDate?: string; endDate?: string; ecGridIdFrom?: number } = {};
        if (beginDaysAgo !== undefined) filter.beginDate = new Date(stack.clock.ms - beginDaysAgo * day).toISOString();
        if (endDaysAgo !== undefined) filter.endDate = new Date(stack.clock.ms - endDaysAgo * day).toISOString();
        if (filter.beginDate && filter.endDate && filter.beginDate > filter.endDate) delete filter.endDate;
        if (partner) {
          const someone = stack.simulator.list(mailbox.mailboxId, list)[7];
          const senderRows = stack.simulator.list(mailbox.mailboxId, list).filter((r) => r['sender'] === someone?.['sender']);
          filter.ecGridIdFrom = senderRows.length > 0 ? ecGridIdOf(stack, mailbox.mailboxId, list, String(someone?.['sender'])) : undefined;
        }
        const all = truthFor(mailbox.mailboxId, list, filter);
        const cursorIndex = new Map<string, number>();
        const index = new Map(all.map((id, i) => [id, i]));
        const known: string[] = [];
        for (const raw of steps) {
          const args: Args = {};
          const modelArgs: { first?: number; last?: number; after?: number; before?: number } = {};
          if (raw.first !== undefined) modelArgs.first = args.first = raw.first;
          if (raw.last !== undefined) modelArgs.last = args.last = raw.last;
          if (raw.after !== undefined && known.length > 0) {
            args.after = known[raw.after % known.length]!;
            modelArgs.after = cursorIndex.get(args.after)!;
          }
          if (raw.before !== undefined && known.length > 0) {
            args.before = known[raw.before % known.length]!;
            modelArgs.before = cursorIndex.get(args.before)!;
          }
          stack.simulator.resetCalls();
          const page = await walkPage(mailbox.headers, list, args, filter);
          const expected = model(all, modelArgs);
          expect(page.totalCount).toBe(all.length);
          expect(page.edges.map((e) => e.node.interchangeId)).toEqual(expected.ids);
          expect(page.pageInfo.hasNextPage).toBe(expected.hasNextPage);
          expect(page.pageInfo.hasPreviousPage).toBe(expected.hasPreviousPage);
          expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
          expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
          const tail = args.last !== undefined && args.before === undefined && args.first === undefined;
          expect(stack.simulator.callCount).toBeLessThanOrEqual(tail ? 3 : 2);
          for (const edge of page.edges) {
            cursorIndex.set(edge.cursor, index.get(edge.node.interchangeId)!);
            known.push(edge.cursor);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('walks 1000+ interchanges forward at sizes that divide nothing with one upstream call a page', async () => {
    for (const size of [7, 37, 50, 100, 500]) {
      const truth = stack.simulator.list(1001, 'inbox', { endDate: stack.clock.ms - 1000 }).map((r) => r['interchangeId']);
      expect(truth.length).toBeGreaterThan(1000);
      stack.simulator.resetCalls();
      const seen: unknown[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await walkPage(ACME, 'inbox', { first: size, ...(after ? { after } : {}) });
        pages += 1;
        seen.push(...page.edges.map((e) => e.node.interchangeId));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(seen).toEqual(truth);
      expect(pages).toBe(Math.ceil(truth.length / size));
      expect(stack.simulator.callCount).toBe(pages);
      expect(stack.simulator.calls.every((c) => (c.body as { recordsPerPage: number }).recordsPerPage === size)).toBe(true);
      walkCounts.push(`forward first:${size} over ${truth.length}: ${pages} pages, ${stack.simulator.callCount} calls`);
    }
  });

  it('walks 1000+ interchanges backward with the fewest calls the upstream paging allows', async () => {
    for (const size of [7, 37, 50, 100, 500]) {
      const truth = stack.simulator.list(1001, 'inbox', { endDate: stack.clock.ms - 1000 }).map((r) => r['interchangeId']);
      stack.simulator.resetCalls();
      const seen: unknown[] = [];
      let before: string | undefined;
      let pages = 0;
      let expectedCalls = 1; // the first page learns totalRecords from one 1-row call
      let end = truth.length;
      for (;;) {
        const page = await walkPage(ACME, 'inbox', { last: size, ...(before ? { before } : {}) });
        pages += 1;
        const start = Math.max(0, end - size);
        expectedCalls += planPages(start, end - start).length;
        end = start;
        seen.unshift(...page.edges.map((e) => e.node.interchangeId));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor!;
      }
      expect(seen).toEqual(truth);
      expect(pages).toBe(Math.ceil(truth.length / size));
      expect(stack.simulator.callCount).toBe(expectedCalls);
      walkCounts.push(`backward last:${size} over ${truth.length}: ${pages} pages, ${stack.simulator.callCount} calls`);
    }
    console.info(`upstream calls of whole-mailbox walks:\n  ${walkCounts.join('\n  ')}`);
  });

  it('returns the original set exactly once while interchanges arrive between pages', async () => {
    const started = stack.clock.ms;
    const truth = stack.simulator.list(1003, 'inbox', { endDate: started - 1000 - (started % 1000) }).map((r) => r['interchangeId']);
    const seen: unknown[] = [];
    let after: string | undefined;
    let arrived = 0;
    for (;;) {
      const page = await walkPage(INITECH, 'inbox', { first: 25, ...(after ? { after } : {}) });
      seen.push(...page.edges.map((e) => e.node.interchangeId));
      stack.clock.advance(1500);
      arrived += stack.simulator.deliver(1003, 3).length;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(arrived).toBeGreaterThan(20);
    expect(seen).toEqual(truth);
    stack.clock.advance(2000);
    const fresh = await walkPage(INITECH, 'inbox', { first: 1 });
    expect(fresh.totalCount).toBe(truth.length + arrived);
  });

  it('answers totalCount alone with one call of one row, and first: 0 with none when nothing else is asked', async () => {
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, '{ inbox { totalCount } }', { headers: ACME });
    expect(body.data?.['inbox'].totalCount).toBeGreaterThan(1000);
    expect(stack.simulator.calls.map((c) => c.body)).toEqual([expect.objectContaining({ pageNo: 1, recordsPerPage: 1 })]);
    stack.simulator.resetCalls();
    const empty = await gql(stack.app, '{ inbox(first: 0) { edges { cursor } } }', { headers: ACME });
    expect(empty.body.data?.['inbox'].edges).toEqual([]);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('sends only documented values: UTC dates with Z, integer page fields within range', async () => {
    stack.simulator.resetCalls();
    await walkPage(ACME, 'inbox', { first: 3 }, { beginDate: '2026-10-01T02:00:00+02:00', endDate: '2026-11-10T12:00:00.500Z', ecGridIdFrom: 0 });
    const body = stack.simulator.calls[0]!.body as Record<string, unknown>;
    expect(body).toEqual({ beginDate: '2026-10-01T00:00:00Z', endDate: '2026-11-10T12:00:00.500Z', pageNo: 1, recordsPerPage: 3 });
    expect(stack.simulator.calls[0]!.contentType).toBe('application/json');
  });

  it.each([
    ['first: -1', '{ inbox(first: -1) { totalCount } }', 'first'],
    ['first: 501', '{ inbox(first: 501) { totalCount } }', 'first'],
    ['last: 1000', '{ inbox(last: 1000) { totalCount } }', 'last'],
    ['a made-up cursor', '{ inbox(after: "YWJj") { totalCount } }', 'after'],
    ['beginDate after endDate', '{ inbox(filter: { beginDate: "2026-11-02T00:00:00Z", endDate: "2026-11-01T00:00:00Z" }) { totalCount } }', 'filter.beginDate'],
    ['a negative id filter', '{ inbox(filter: { ecGridIdFrom: -4 }) { totalCount } }', 'filter.ecGridIdFrom'],
    ['interchangeId 0', '{ interchange(interchangeId: 0) { id } }', 'interchangeId'],
    ['a made-up node id', '{ node(id: "TmV0d29yazox") { id } }', 'id'],
  ])('%s -> BAD_USER_INPUT with no upstream call', async (_name, query, argumentName) => {
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, query, { headers: ACME });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(stack.simulator.callCount).toBe(0);
  });

  it('rejects a cursor from another filter or another list, before any call', async () => {
    const page = await walkPage(ACME, 'inbox', { first: 2 });
    const cursor = page.pageInfo.endCursor!;
    stack.simulator.resetCalls();
    for (const query of [
      `{ inbox(after: "${cursor}", filter: { ecGridIdFrom: 420100 }) { totalCount } }`,
      `{ outbox(after: "${cursor}") { totalCount } }`,
    ]) {
      const { body } = await gql(stack.app, query, { headers: ACME });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain('another list or filter');
    }
    expect(stack.simulator.callCount).toBe(0);
  });
});

describe('interchange, node and nodes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const FIELDS = 'id interchangeId sender receiver standard documentType status created';

  it('looks one up by id, null when absent or not visible, with no extra call for ids seen in a page', async () => {
    const [first] = stack.simulator.list(1001, 'inbox') as [ApiRow];
    const notMine = stack.simulator.list(1003, 'inbox').find((r) => r['sender'] !== 'ACME_RETAIL')!;
    stack.simulator.resetCalls();
    const { body } = await gql(
      stack.app,
      `query($id: SafeInt!, $other: SafeInt!) { mine: interchange(interchangeId: $id) { ${FIELDS} } absent: interchange(interchangeId: 123) { id } notMine: interchange(interchangeId: $other) { id } }`,
      { variables: { id: first['interchangeId'], other: notMine['interchangeId'] }, headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['mine']).toMatchObject({ interchangeId: first['interchangeId'], documentType: first['documentType'] });
    expect(body.data?.['absent']).toBeNull();
    expect(body.data?.['notMine']).toBeNull();
    expect(stack.simulator.callCount).toBe(3);

    stack.simulator.resetCalls();
    const primed = await gql(
      stack.app,
      `query($id: SafeInt!) { inbox(first: 3) { edges { node { id } } } interchange(interchangeId: $id) { status } }`,
      { variables: { id: first['interchangeId'] }, headers: ACME },
    );
    expect(primed.body.data?.['interchange'].status).toBe(first['status']);
    expect(stack.simulator.calls.map((c) => c.path)).toEqual(['/v2/interchanges/inbox-list']);
  });

  it('refetches by global id through node and nodes, one call per distinct id, null for absent ones', async () => {
    const rows = stack.simulator.list(1001, 'outbox').slice(0, 3);
    const page = await gql(stack.app, '{ outbox(first: 3) { edges { node { id interchangeId } } } }', { headers: ACME });
    const ids = page.body.data?.['outbox'].edges.map((e: any) => e.node.id) as string[];
    const absent = Buffer.from('Interchange:1').toString('base64');
    stack.simulator.resetCalls();
    const { body } = await gql(
      stack.app,
      `query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Interchange { interchangeId } } nodes(ids: $ids) { id ... on Interchange { documentType } } }`,
      { variables: { id: ids[0], ids: [...ids, ids[0], absent] }, headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['node']).toEqual({ id: ids[0], interchangeId: rows[0]!['interchangeId'] });
    expect(body.data?.['nodes'].map((n: any) => n?.documentType ?? null)).toEqual([
      ...rows.map((r) => r['documentType']),
      rows[0]!['documentType'],
      null,
    ]);
    expect(stack.simulator.calls.map((c) => c.path).sort()).toEqual(
      [...rows.map((r) => `/v2/interchanges/${r['interchangeId']}`), '/v2/interchanges/1'].sort(),
    );
  });

  it('answers null with its own error for one node whose lookup fails, keeping the others', async () => {
    const rows = stack.simulator.list(1001, 'inbox').slice(0, 2);
    const ids = rows.map((r) => Buffer.from(`Interchange:${r['interchangeId']}`).toString('base64'));
    stack.simulator.injectFault({ path: `/v2/interchanges/${rows[1]!['interchangeId']}`, times: 1, fault: { kind: 'status', status: 403 } });
    const { body } = await gql(stack.app, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { variables: { ids }, headers: ACME });
    expect(body.data?.['nodes']).toEqual([{ id: ids[0] }, null]);
    expect(body.errors).toEqual([expect.objectContaining({ path: ['nodes', 1], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });
});

const walkCounts: string[] = [];

function ecGridIdOf(stack: Stack, mailboxId: number, list: 'inbox' | 'outbox', sender: string): number | undefined {
  // The simulator's rows name partners; its filter works on ECGrid ids. Find the id by probing.
  for (let id = 310001; id <= 310003; id += 1) {
    if (stack.simulator.list(mailboxId, list, { ecGridIdFrom: id }).some((r) => r['sender'] === sender)) return id;
  }
  for (let id = 420100; id < 420130; id += 1) {
    if (stack.simulator.list(mailboxId, list, { ecGridIdFrom: id }).some((r) => r['sender'] === sender)) return id;
  }
  return undefined;
}
