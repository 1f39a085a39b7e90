/** `nodes(ids:)` keeps its input's length and order: a malformed or unknown id is null at its index with its own error. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMPILE_ON_RUN } from '../../src/graphql/jit-execution.js';
import { ACME, gql, type GraphQLResponse, startStack, type Stack } from '../helpers/index.js';

const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Interchange { interchangeId documentType } } }';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const pathsAndCodes = (body: GraphQLResponse['body']) => (body.errors ?? []).map((e) => [e.path, e.extensions?.['code']]);

describe('nodes(ids:)', () => {
  let stack: Stack;
  let rows: Record<string, unknown>[];
  let ids: string[];

  beforeAll(async () => {
    stack = await startStack({ config: { MAX_UPSTREAM_CALLS: 40 } });
    rows = stack.simulator.list(1001, 'inbox').slice(0, 2);
    ids = rows.map((row) => b64(`Interchange:${row['interchangeId']}`));
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetCalls());

  const answer = (i: number) => ({ id: ids[i], interchangeId: rows[i]!['interchangeId'], documentType: rows[i]!['documentType'] });
  const lookups = () => stack.simulator.calls.map((c) => c.path).sort();
  const lookupsOf = (...indexes: number[]) => [...new Set(indexes.map((i) => `/v2/interchanges/${rows[i]!['interchangeId']}`))].sort();

  it('a valid id and a bogus one: the valid one stands, the bogus one is null with BAD_USER_INPUT at its index', async () => {
    const { status, body } = await gql(stack.app, NODES, { variables: { ids: [ids[0], 'bogus'] }, headers: ACME });
    expect(status).toBe(200);
    expect(body.data?.['nodes']).toEqual([answer(0), null]);
    expect(pathsAndCodes(body)).toEqual([[['nodes', 1], 'BAD_USER_INPUT']]);
    expect(lookups()).toEqual(lookupsOf(0));
  });

  it('a bogus id and a valid one, in that order', async () => {
    const { body } = await gql(stack.app, NODES, { variables: { ids: ['bogus', ids[1]] }, headers: ACME });
    expect(body.data?.['nodes']).toEqual([null, answer(1)]);
    expect(pathsAndCodes(body)).toEqual([[['nodes', 0], 'BAD_USER_INPUT']]);
    expect(lookups()).toEqual(lookupsOf(1));
  });

  const malformed: [string, () => string][] = [
    ['plain text', () => 'bogus'],
    ['the empty string', () => ''],
    ['a 10 KB string', () => 'A'.repeat(10_240)],
    ['10 KB of base64 of a valid id', () => b64(`Interchange:${'1'.repeat(7_000)}`)],
    ['an id of an unregistered type', () => b64('Network:40')],
    ['an id of a type that is no Node', () => b64('PageInfo:1')],
    ['an id of the Node interface', () => b64('Node:1')],
    ['an id of an Object.prototype name', () => b64('constructor:1')],
    ['an id of __proto__', () => b64('__proto__:1')],
    ['a type without an id', () => b64('Interchange')],
    ['an empty id', () => b64('Interchange:')],
    ['id 0', () => b64('Interchange:0')],
    ['a negative id', () => b64('Interchange:-1')],
    ['a non-numeric id', () => b64('Interchange:INT-17')],
    ['an id over 2^53 - 1', () => b64('Interchange:9007199254740992')],
    ['an id with a leading zero', () => b64('Interchange:01')],
    ['the raw text of a valid id', () => 'Interchange:1'],
    ['a valid id without its base64 padding', () => b64('Interchange:1').replace(/=+$/, '')],
    ['a valid id with a space', () => ` ${b64('Interchange:1')}`],
  ];

  it.each(malformed)('%s: null at its index with BAD_USER_INPUT, the others standing, no call for it', async (_name, id) => {
    const { status, body } = await gql(stack.app, NODES, { variables: { ids: [ids[0], id(), ids[1]] }, headers: ACME });
    expect(status).toBe(200);
    expect(body.data?.['nodes']).toEqual([answer(0), null, answer(1)]);
    expect(pathsAndCodes(body)).toEqual([[['nodes', 1], 'BAD_USER_INPUT']]);
    expect(body.errors![0]!.message.length).toBeLessThan(100);
    expect(lookups()).toEqual(lookupsOf(0, 1));
  });

  it('every malformed id in one request, with duplicates: length and order kept, one call per distinct valid id', async () => {
    const bad = malformed.map(([, id]) => id());
    const { body } = await gql(stack.app, NODES, { variables: { ids: [ids[0], ...bad, ids[1], ids[0], 'bogus', ids[0]] }, headers: ACME });
    expect(body.data?.['nodes']).toEqual([answer(0), ...bad.map(() => null), answer(1), answer(0), null, answer(0)]);
    expect(pathsAndCodes(body)).toEqual([...bad.map((_, i) => [['nodes', i + 1], 'BAD_USER_INPUT']), [['nodes', bad.length + 3], 'BAD_USER_INPUT']]);
    expect(lookups()).toEqual(lookupsOf(0, 1));
  });

  it("another mailbox's interchange is null without an error, as node(id:) answers it", async () => {
    const mine = new Set([...stack.simulator.list(1001, 'inbox'), ...stack.simulator.list(1001, 'outbox')].map((r) => r['interchangeId']));
    const theirs = stack.simulator.list(1002, 'inbox').find((r) => !mine.has(r['interchangeId']))!;
    const other = b64(`Interchange:${theirs['interchangeId']}`);
    const { body } = await gql(stack.app, `query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }`, {
      variables: { id: other, ids: [ids[0], other, ids[1]] },
      headers: ACME,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ node: null, nodes: [{ id: ids[0] }, null, { id: ids[1] }] });
  });

  it('node(id:) with a bogus id still answers null with BAD_USER_INPUT', async () => {
    const { body } = await gql(stack.app, '{ node(id: "bogus") { id } }', { headers: ACME });
    expect(body.data).toEqual({ node: null });
    expect(pathsAndCodes(body)).toEqual([[['node'], 'BAD_USER_INPUT']]);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('only malformed ids: every item null, no upstream call', async () => {
    const { body } = await gql(stack.app, NODES, { variables: { ids: ['', 'bogus', b64('Network:1')] }, headers: ACME });
    expect(body.data?.['nodes']).toEqual([null, null, null]);
    expect(pathsAndCodes(body).map(([path]) => path)).toEqual([['nodes', 0], ['nodes', 1], ['nodes', 2]]);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('counts one call per id against the budget, malformed ones too', async () => {
    const { body } = await gql(stack.app, NODES, { variables: { ids: Array.from({ length: 41 }, () => 'bogus') }, headers: ACME });
    expect(body.errors?.[0]?.message).toMatch(/41 ECGrid calls/);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('answers the same on every run of a document, past the run graphql-jit would compile it on', async () => {
    const query = `{ nodes(ids: ["bogus", "${ids[0]}", "", "${ids[1]}"]) { id } }`;
    for (let run = 1; run <= COMPILE_ON_RUN + 1; run += 1) {
      const { body } = await gql(stack.app, query, { headers: ACME });
      expect(body.data?.['nodes'], `run ${run}`).toEqual([null, { id: ids[0] }, null, { id: ids[1] }]);
      expect(pathsAndCodes(body), `run ${run}`).toEqual([
        [['nodes', 0], 'BAD_USER_INPUT'],
        [['nodes', 2], 'BAD_USER_INPUT'],
      ]);
    }
  });
});
