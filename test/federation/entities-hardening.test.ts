/** `_entities` under hostile representations: each bad entry fails alone with BAD_USER_INPUT, no call, no crash. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ENTITY_REPRESENTATIONS } from '../../src/schema/federation.js';
import { ACME, appBefore, gql, type GraphQLResponse, startStack, type Stack, urlOf } from '../helpers/index.js';

const QUERY = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Interchange { interchangeId sender documentType } } }';

/** A request whose body is this JSON text as it is: `JSON.stringify` would drop a `__proto__` key. */
async function rawPost(app: Stack['app'], body: string): Promise<GraphQLResponse> {
  const response = await fetch(await urlOf(app), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...ACME },
    body,
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'], headers: response.headers };
}

const pathsAndCodes = (body: GraphQLResponse['body']) => (body.errors ?? []).map((e) => [e.path, e.extensions?.['code']]);

describe('_entities with hostile representations', () => {
  let stack: Stack;
  let rows: Record<string, unknown>[];
  let ids: number[];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    stack = await startStack({ config: { MAX_UPSTREAM_CALLS: 40 } });
    rows = stack.simulator.list(1001, 'inbox').slice(0, 2);
    ids = rows.map((row) => Number(row['interchangeId']));
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await stack.close();
  });
  beforeEach(() => {
    stack.simulator.resetCalls();
  });
  afterEach(async () => {
    // A rejection nobody handles is reported once the microtasks have run.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled.splice(0)).toEqual([]);
  });

  const valid = (i: number) => ({ __typename: 'Interchange', interchangeId: ids[i]! });
  const answer = (i: number) => ({
    __typename: 'Interchange',
    interchangeId: ids[i],
    sender: rows[i]!['sender'],
    documentType: rows[i]!['documentType'],
  });
  const lookups = () => stack.simulator.calls.map((c) => c.path).sort();
  const lookupsOf = (...indexes: number[]) => [...new Set(indexes.map((i) => `/v2/interchanges/${ids[i]}`))].sort();

  it('an unknown __typename beside a lookup under way: both fail alone, the process keeps serving', async () => {
    const { body } = await gql(stack.app, QUERY, {
      variables: { r: [{ __typename: 'Interchange', interchangeId: -1 }, { __typename: 'Mailbox' }] },
      headers: ACME,
    });
    expect(body.data?.['_entities']).toEqual([null, null]);
    expect(pathsAndCodes(body)).toEqual([
      [['_entities', 0], 'BAD_USER_INPUT'],
      [['_entities', 1], 'BAD_USER_INPUT'],
    ]);
    expect(stack.simulator.callCount).toBe(0);

    const mixed = await gql(stack.app, QUERY, { variables: { r: [valid(0), { __typename: 'Mailbox', mailboxId: 1001 }, valid(1)] }, headers: ACME });
    expect(mixed.body.data?.['_entities']).toEqual([answer(0), null, answer(1)]);
    expect(pathsAndCodes(mixed.body)).toEqual([[['_entities', 1], 'BAD_USER_INPUT']]);
    expect(lookups()).toEqual(lookupsOf(0, 1));
  });

  // Each between two valid entries, whose answers stand.
  const bad: [string, unknown][] = [
    ['an unknown __typename', { __typename: 'Mailbox', interchangeId: 5 }],
    ['an interface as __typename', { __typename: 'Node', id: 'SW50ZXJjaGFuZ2U6MQ==' }],
    ['Query as __typename', { __typename: 'Query' }],
    ['_Entity as __typename', { __typename: '_Entity', interchangeId: 5 }],
    ['an Object.prototype name as __typename', { __typename: 'constructor', interchangeId: 5 }],
    ['__proto__ as __typename', { __typename: '__proto__', interchangeId: 5 }],
    ['toString as __typename', { __typename: 'toString', interchangeId: 5 }],
    ['a 10 KB __typename', { __typename: 'Interchange'.repeat(1_000), interchangeId: 5 }],
    ['no __typename', { interchangeId: 5 }],
    ['a numeric __typename', { __typename: 7, interchangeId: 5 }],
    ['a null __typename', { __typename: null, interchangeId: 5 }],
    ['a list __typename', { __typename: ['Interchange'], interchangeId: 5 }],
    ['an object __typename', { __typename: { name: 'Interchange' }, interchangeId: 5 }],
    ['a number', 5],
    ['a string', 'Interchange'],
    ['a boolean', true],
    ['a list', [{ __typename: 'Interchange', interchangeId: 5 }]],
    ['an empty list', []],
    ['an empty object', {}],
    ['a constructor key', { __typename: 'Interchange', interchangeId: 5, constructor: { prototype: { polluted: true } } }],
    ['a prototype key', { __typename: 'Interchange', interchangeId: 5, prototype: { polluted: true } }],
    ['no interchangeId', { __typename: 'Interchange' }],
    ['a null interchangeId', { __typename: 'Interchange', interchangeId: null }],
    ['a negative interchangeId', { __typename: 'Interchange', interchangeId: -1 }],
    ['interchangeId 0', { __typename: 'Interchange', interchangeId: 0 }],
    ['interchangeId 2^53', { __typename: 'Interchange', interchangeId: 2 ** 53 }],
    ['interchangeId 1e300', { __typename: 'Interchange', interchangeId: 1e300 }],
    ['a fractional interchangeId', { __typename: 'Interchange', interchangeId: 1.5 }],
    ['a huge numeric-string interchangeId', { __typename: 'Interchange', interchangeId: '9'.repeat(10_000) }],
    ['a non-numeric interchangeId', { __typename: 'Interchange', interchangeId: 'INT-17' }],
    ['an interchangeId with a numeric prefix', { __typename: 'Interchange', interchangeId: '12abc' }],
    ['an empty-string interchangeId', { __typename: 'Interchange', interchangeId: '' }],
    ['a boolean interchangeId', { __typename: 'Interchange', interchangeId: true }],
    ['an object interchangeId', { __typename: 'Interchange', interchangeId: { value: 5 } }],
    ['a list interchangeId', { __typename: 'Interchange', interchangeId: [5] }],
  ];

  it.each(bad)('%s: null with BAD_USER_INPUT at its index, no call for it, a short message', async (_name, representation) => {
    const { status, body } = await gql(stack.app, QUERY, { variables: { r: [valid(0), representation, valid(1)] }, headers: ACME });
    expect(status).toBe(200);
    expect(body.data?.['_entities']).toEqual([answer(0), null, answer(1)]);
    expect(pathsAndCodes(body)).toEqual([[['_entities', 1], 'BAD_USER_INPUT']]);
    expect(body.errors![0]!.message.length).toBeLessThan(200);
    expect(lookups()).toEqual(lookupsOf(0, 1));
  });

  it('every bad shape in one request: each null with its own error, in order, the valid entries standing', async () => {
    const representations = [valid(0), ...bad.map(([, r]) => r), valid(1), valid(0)];
    const { body } = await gql(stack.app, QUERY, {
      variables: { r: representations },
      headers: ACME,
    });
    expect(body.data?.['_entities']).toEqual([answer(0), ...bad.map(() => null), answer(1), answer(0)]);
    expect(pathsAndCodes(body)).toEqual(bad.map((_, i) => [['_entities', i + 1], 'BAD_USER_INPUT']));
    expect(lookups()).toEqual(lookupsOf(0, 1));
  });

  it('__proto__ keys, sent as raw JSON: refused without a call, nothing polluted', async () => {
    const r = [
      `{"__typename":"Interchange","interchangeId":${ids[0]}}`,
      `{"__typename":"Interchange","interchangeId":${ids[1]},"__proto__":{"polluted":true}}`,
      `{"__proto__":{"__typename":"Interchange","interchangeId":${ids[1]}}}`,
      `{"__typename":"Interchange","interchangeId":{"__proto__":{"valueOf":1}}}`,
      `{"__typename":"Interchange","__proto__":{"interchangeId":${ids[1]}}}`,
      `{"__typename":"Interchange","interchangeId":${ids[1]}}`,
    ];
    const { status, body } = await rawPost(stack.app, `{"query":${JSON.stringify(QUERY)},"variables":{"r":[${r.join(',')}]}}`);
    expect(status).toBe(200);
    expect(body.data?.['_entities']).toEqual([answer(0), null, null, null, null, answer(1)]);
    expect(pathsAndCodes(body)).toEqual([1, 2, 3, 4].map((i) => [['_entities', i], 'BAD_USER_INPUT']));
    expect(lookups()).toEqual(lookupsOf(0, 1));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('__proto__ and constructor keys in an inline literal: refused without a call', async () => {
    const { body } = await gql(
      stack.app,
      `{ _entities(representations: [{ __typename: "Interchange", interchangeId: ${ids[0]}, __proto__: { x: 1 } }, { __typename: "Interchange", interchangeId: ${ids[1]} }, { __typename: "Interchange", interchangeId: ${ids[0]}, constructor: 1 }]) { ... on Interchange { interchangeId } } }`,
      { headers: ACME },
    );
    expect(body.data?.['_entities']).toEqual([null, { interchangeId: ids[1] }, null]);
    expect(pathsAndCodes(body)).toEqual([
      [['_entities', 0], 'BAD_USER_INPUT'],
      [['_entities', 2], 'BAD_USER_INPUT'],
    ]);
    expect(lookups()).toEqual(lookupsOf(1));
  });

  it('a null entry: the request is refused with BAD_USER_INPUT before anything runs', async () => {
    const { body } = await gql(stack.app, QUERY, { variables: { r: [valid(0), null, { __typename: 'Mailbox' }] }, headers: ACME });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('counts each distinct representation against the upstream-call budget (MAX_UPSTREAM_CALLS 40), refused ones not', async () => {
    const representations = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Interchange', interchangeId: 98_700_001 + i }));
    const over = await gql(stack.app, QUERY, { variables: { r: representations(41) }, headers: ACME });
    expect(over.body.data ?? null).toBeNull();
    expect(over.body.errors?.[0]?.message).toMatch(/41 ECGrid calls/);
    expect(over.body.errors?.[0]?.extensions?.['code']).not.toBe('INTERNAL_SERVER_ERROR');
    expect(stack.simulator.callCount).toBe(0);

    const within = await gql(stack.app, QUERY, { variables: { r: [...representations(38), valid(0), valid(1)] }, headers: ACME });
    expect(within.body.errors).toBeUndefined();
    expect(within.body.data?.['_entities'].slice(38)).toEqual([answer(0), answer(1)]);

    // 120 representations of 2 ids, as numbers and numeric strings, and 60 refused ones: 2 calls.
    stack.simulator.resetCalls();
    const repeated = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? valid(i % 4 === 0 ? 0 : 1) : { ...valid(i % 4 === 1 ? 0 : 1), interchangeId: String(ids[i % 4 === 1 ? 0 : 1]) }));
    const refused = Array.from({ length: 60 }, (_, i) => ({ __typename: 'Mailbox', mailboxId: i }));
    const cheap = await gql(stack.app, QUERY, { variables: { r: [...repeated, ...refused] }, headers: ACME });
    expect(cheap.body.data?.['_entities']).toHaveLength(180);
    expect(cheap.body.data?.['_entities'].slice(0, 4)).toEqual([answer(0), answer(0), answer(1), answer(1)]);
    expect(cheap.body.errors).toHaveLength(60);
    expect(lookups()).toEqual(lookupsOf(0, 1));
  });

  it('MAX_ENTITY_REPRESENTATIONS bounds a request even when the budget would allow it', async () => {
    const generous = appBefore(stack, { config: { MAX_UPSTREAM_CALLS: 10_000 } });
    const representations = Array.from({ length: MAX_ENTITY_REPRESENTATIONS + 1 }, (_, i) => ({ __typename: 'Interchange', interchangeId: 98_700_001 + i }));
    const { body } = await gql(generous, QUERY, { variables: { r: representations }, headers: ACME });
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(stack.simulator.callCount).toBe(0);
  });
});
