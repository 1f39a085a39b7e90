import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACME, gql, startStack, type Stack } from '../helpers/index.js';

const counted = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/graphql/call-cost.js', async (importOriginal) => {
  const counter = await importOriginal<typeof import('../../src/graphql/call-cost.js')>();
  return {
    ...counter,
    callCost: (...args: Parameters<typeof counter.callCost>) => {
      counted.count += 1;
      return counter.callCost(...args);
    },
  };
});

// 14 tail pages: each first learns the total, then fetches, so 3 calls each.
const tails = (n: number) => Array.from({ length: n }, (_, i) => `p${i}: inbox(last: ${i + 1}) { totalCount }`).join(' ');

describe('the upstream-call budget', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: { MAX_UPSTREAM_CALLS: 40 } });
  });
  afterAll(() => stack.close());

  const send = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
    gql(stack.app, query, { headers: ACME, variables, operationName });

  it('refuses an operation over the limit before it runs: a 400, the cost, and no upstream call', async () => {
    stack.simulator.resetCalls();
    const { status, body } = await send(`{ ${tails(14)} }`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'This operation could cause 42 ECGrid calls; the limit is 40',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: 42, maxCost: 40 },
      }),
    ]);
    expect(stack.simulator.callCount).toBe(0);
    expect((await send(`{ ${tails(13)} }`)).body.errors).toBeUndefined();
  });

  it('counts the operation that runs, with its fragments, whatever else the document holds', async () => {
    const document = `query Small { mailboxStats { sent } } query Big { ...Tails } fragment Tails on Query { ${tails(14)} }`;
    stack.simulator.resetCalls();
    expect((await send(document, undefined, 'Big')).body.errors?.[0]?.extensions).toMatchObject({ cost: 42 });
    expect(stack.simulator.callCount).toBe(0);
    expect((await send(document, undefined, 'Small')).body.errors).toBeUndefined();
  });

  it('counts with the variables of each request', async () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const ids = (n: number) => Array.from({ length: n }, () => 'SW50ZXJjaGFuZ2U6OTg3MDAwMDE=');
    stack.simulator.resetCalls();
    expect((await send(query, { ids: ids(41) })).body.errors?.[0]?.extensions).toMatchObject({ cost: 41 });
    expect(stack.simulator.callCount).toBe(0);
    expect((await send(query, { ids: ids(2) })).body.errors).toBeUndefined();
    expect((await send(query, { ids: null })).status).toBe(400);
  });

  it('counts an operation without variables once, and one with variables on every request', async () => {
    const fixed = '{ stats: mailboxStats { sent } }';
    const before = counted.count;
    for (let run = 0; run < 3; run += 1) expect((await send(fixed)).body.errors).toBeUndefined();
    expect(counted.count - before).toBe(1);
    const varied = 'query($n: Int) { inbox(first: $n) { totalCount } }';
    for (let run = 1; run <= 3; run += 1) expect((await send(varied, { n: run })).body.errors).toBeUndefined();
    expect(counted.count - before).toBe(4);
  });
});
