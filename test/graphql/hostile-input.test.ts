/**
 * Hostile and careless input (issue "Hardening"): rejected in time linear in its size, with a short
 * coded error and no upstream call; the call budget holds however calls are reached; a request's
 * wait is bounded as a whole.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listHash } from '../../src/pagination/connection.js';
import { cursorWriter } from '../../src/pagination/cursor.js';
import { ACME, appBefore, gql, startStack, type Stack, urlOf } from '../helpers/index.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ config: { MAX_UPSTREAM_CALLS: 40 } });
});
afterAll(() => stack.close());
afterEach(() => {
  stack.simulator.faults.clear();
  stack.simulator.latencyMs = 0;
});

const globalId = (id: number) => Buffer.from(`Interchange:${id}`).toString('base64');
const big = 'x'.repeat(200_000);
const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
const nestedText = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** POSTs a body written by hand (JSON.stringify cannot write what a hostile client can). */
async function rawPost(body: string) {
  const response = await fetch(await urlOf(stack.app), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...ACME },
    body,
  });
  return { status: response.status, body: JSON.parse(await response.text()) as Awaited<ReturnType<typeof gql>>['body'] };
}

describe('bad variables, in every input type and position', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['8,000 unknown keys in InterchangeFilter', 'query($f: InterchangeFilter) { inbox(filter: $f) { totalCount } }', { f: keys(8_000) }],
    ['50,000 unknown keys in InterchangeFilter', 'query($f: InterchangeFilter) { outbox(filter: $f) { totalCount } }', { f: keys(50_000) }],
    ['a 200 KB string for an Int', 'query($n: Int) { inbox(first: $n) { totalCount } }', { n: big }],
    ['a 200 KB string for a DateTime in a filter', 'query($f: InterchangeFilter) { inbox(filter: $f) { totalCount } }', { f: { beginDate: big } }],
    ['a 200 KB string for a SafeInt', 'query($id: SafeInt!) { interchange(interchangeId: $id) { id } }', { id: big }],
    ['a 200 KB string for a cursor', 'query($a: String) { inbox(after: $a) { totalCount } }', { a: big }],
    ['100,000 ids', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 100_000 }, (_, i) => String(i)) }],
    ['100,000 objects in a list of ints', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 100_000 }, () => ({ a: 1 })) }],
    ['100,000 representations', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: Array.from({ length: 100_000 }, () => ({})) }],
  ];
  it.each(cases)('%s: BAD_USER_INPUT, a short answer, quickly, no upstream call', async (_name, query, variables) => {
    stack.simulator.resetCalls();
    const started = performance.now();
    const { status, body } = await gql(stack.app, query, { headers: ACME, variables });
    const elapsed = performance.now() - started;
    expect([200, 400]).toContain(status);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.length).toBe(1);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message.length).toBeLessThanOrEqual(301);
    expect(JSON.stringify(body).length).toBeLessThan(2_000);
    expect(elapsed).toBeLessThan(3_000);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('lists nested 100,000 deep: BAD_USER_INPUT, no upstream call', async () => {
    stack.simulator.resetCalls();
    const query = JSON.stringify('query($f: InterchangeFilter) { inbox(filter: $f) { totalCount } }');
    const { body } = await rawPost(`{"query":${query},"variables":{"f":{"mailboxId":${nestedText(100_000)}}}}`);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body).length).toBeLessThan(2_000);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('every error message is an excerpt, whichever phase made it', async () => {
    const literal = `{ interchange(interchangeId: "${'y'.repeat(50_000)}") { id } }`;
    const { body } = await gql(stack.app, literal, { headers: ACME });
    expect(body.errors?.[0]?.message.length).toBeLessThanOrEqual(301);
    expect(JSON.stringify(body).length).toBeLessThan(2_000);
  });
});

describe('the call budget counts what calls ECGrid, and only that', () => {
  const entities = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Interchange', interchangeId: 98_700_001 + i }));
  const cases: [string, string, Record<string, unknown>, number][] = [
    ['mailboxStats', '{ mailboxStats { sent } }', {}, 1],
    ['a page', '{ inbox(first: 5) { edges { node { id } } } }', {}, 2],
    ['a tail page', '{ outbox(last: 5) { totalCount } }', {}, 3],
    ['interchange', '{ interchange(interchangeId: 98700001) { id } }', {}, 1],
    ['node', `{ node(id: "${globalId(98_700_001)}") { id } }`, {}, 1],
    ['nodes', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [globalId(1), globalId(2), globalId(3)] }, 3],
    ['aliases and fragments', '{ a: mailboxStats { sent } ...F ... on Query { c: inbox { totalCount } } } fragment F on Query { b: mailboxStats { received } }', {}, 4],
    ['_entities (each distinct representation)', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [...entities(5), ...entities(5)] }, 5],
    ['_entities in aliases', 'query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: $r) { __typename } }', { r: entities(7) }, 14],
    ['@skip and @include', '{ mailboxStats @skip(if: true) { sent } inbox @include(if: false) { totalCount } outbox { totalCount } }', {}, 2],
    ['__typename everywhere (Apollo Client adds it)', '{ __typename inbox(first: 10) { __typename edges { __typename cursor node { __typename id } } pageInfo { __typename endCursor } } }', {}, 2],
    ['__typename alone, 41 times', `{ ${Array.from({ length: 41 }, () => '__typename').join(' ')} }`, {}, 0],
  ];
  it.each(cases)('%s: fits a budget of its cost, and not one less', async (_name, query, variables, cost) => {
    const within = appBefore(stack, { config: { MAX_UPSTREAM_CALLS: Math.max(cost, 1) } });
    const fits = await gql(within, query, { headers: ACME, variables });
    expect(fits.body.errors?.find((e) => e.extensions?.['maxCost'] !== undefined)).toBeUndefined();
    if (cost <= 1) return;
    const over = appBefore(stack, { config: { MAX_UPSTREAM_CALLS: cost - 1 } });
    stack.simulator.resetCalls();
    const refused = await gql(over, query, { headers: ACME, variables });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost });
    expect(stack.simulator.callCount).toBe(0);
  });

  it('20 aliases of _entities with 500 representations each are refused before any call', async () => {
    const query = `query($r: [_Any!]!) { ${Array.from({ length: 20 }, (_, i) => `e${i}: _entities(representations: $r) { __typename }`).join(' ')} }`;
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, query, { headers: ACME, variables: { r: entities(500) } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 10_000 });
    expect(stack.simulator.callCount).toBe(0);
  });
});

describe('cursors are untrusted input', () => {
  const inboxKey = 'inbox|||||';
  const forged = (pin: number, offset: number) => cursorWriter(listHash(inboxKey), pin)(offset);

  it.each([
    ['a pin beyond the Date range', forged(9e15, 5)],
    ['a pin before 2000', forged(5, 5)],
    ['a pin in the future', forged(Date.now() + 365 * 86_400_000, 5)],
    ['an offset past a billion', forged(Date.parse('2026-11-01T00:00:00Z'), 39_182_082_049)],
  ])('%s: BAD_USER_INPUT before any call, as after and as before', async (_name, cursor) => {
    for (const argument of ['after', 'before'] as const) {
      stack.simulator.resetCalls();
      const { body } = await gql(stack.app, `query($c: String) { inbox(${argument}: $c, ${argument === 'after' ? 'first' : 'last'}: 5) { totalCount } }`, {
        headers: ACME,
        variables: { c: cursor },
      });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(stack.simulator.callCount).toBe(0);
    }
  });

  it('20 aliases of `last: 500, before: <far offset>` make at most MAX_UPSTREAM_CALLS calls, each in ECGrid ranges', async () => {
    const cursor = forged(stack.clock.ms - 60_000, 900_000_000);
    const query = `query($c: String) { ${Array.from({ length: 20 }, (_, i) => `p${i}: inbox(last: ${480 + i}, before: $c) { edges { cursor } }`).join(' ')} }`;
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, query, { headers: ACME, variables: { c: cursor } });
    expect(stack.simulator.callCount).toBeLessThanOrEqual(40);
    for (const call of stack.simulator.calls) {
      const { pageNo, recordsPerPage } = call.body as { pageNo: number; recordsPerPage: number };
      expect(pageNo).toBeLessThanOrEqual(2 ** 31 - 1);
      expect(recordsPerPage).toBeLessThanOrEqual(500);
    }
    const codes = new Set(body.errors?.map((e) => e.extensions?.['code']));
    expect([...codes].every((code) => code === 'UPSTREAM_CALL_BUDGET_EXCEEDED')).toBe(true);
  });
});

describe('a request is bounded as a whole (REQUEST_TIMEOUT_MS)', () => {
  it('nodes over a hanging ECGrid: answered at the bound, every entry at its path', async () => {
    const app = appBefore(stack, { config: { REQUEST_TIMEOUT_MS: 800, ECGRID_TIMEOUT_MS: 10_000, ECGRID_ATTEMPT_TIMEOUT_MS: 10_000 } });
    stack.simulator.injectFault({ path: '/v2/interchanges/', fault: { kind: 'hang' } });
    const ids = stack.simulator.list(1001, 'inbox').slice(0, 40).map((row) => globalId(Number(row['interchangeId'])));
    const started = performance.now();
    const { body } = await gql(app, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { headers: ACME, variables: { ids } });
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(body.data?.['nodes']).toEqual(Array.from({ length: 40 }, () => null));
    expect(body.errors).toHaveLength(40);
    expect(new Set(body.errors?.map((e) => e.extensions?.['code']))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
    expect(body.errors?.map((e) => e.path?.[1]).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('_entities over a slow ECGrid: what came back by the bound is kept, the rest is UPSTREAM_UNAVAILABLE', async () => {
    const app = appBefore(stack, { config: { REQUEST_TIMEOUT_MS: 1_000, MAX_UPSTREAM_CALLS: 200 } });
    stack.simulator.latencyMs = 300;
    const rows = stack.simulator.list(1001, 'inbox').slice(0, 100);
    const representations = rows.map((row) => ({ __typename: 'Interchange', interchangeId: Number(row['interchangeId']) }));
    const started = performance.now();
    const { body } = await gql(app, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Interchange { interchangeId } } }', {
      headers: ACME,
      variables: { r: representations },
    });
    expect(performance.now() - started).toBeLessThan(2_500);
    const entities = body.data?.['_entities'] as ({ interchangeId: number } | null)[];
    expect(entities).toHaveLength(100);
    const answered = entities.filter((entity) => entity !== null);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length).toBeLessThan(100);
    entities.forEach((entity, i) => {
      if (entity) expect(entity.interchangeId).toBe(representations[i]!.interchangeId);
    });
    expect(new Set(body.errors?.map((e) => e.extensions?.['code']))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
  });
});
