import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { exampleOperations } from '../src/example-operations.js';
import { createLogger } from '../src/logger.js';
import { ACME, gql, startStack, type Stack } from './helpers.js';

const compiles = vi.hoisted(() => ({ count: 0 }));
vi.mock('graphql-jit', async (importOriginal) => {
  const jit = await importOriginal<typeof import('graphql-jit')>();
  return {
    ...jit,
    compileQuery: (...args: Parameters<typeof jit.compileQuery>) => {
      compiles.count += 1;
      return jit.compileQuery(...args);
    },
  };
});

const STATS = '{ mailboxStats { sent received } }';

describe('graphql-jit execution', () => {
  let stack: Stack;
  let plain: App;
  let id: number;
  let ids: number[];
  let globalId: (id: number | string) => string;

  beforeAll(async () => {
    stack = await startStack();
    plain = createApp({
      logger: createLogger('silent'),
      now: stack.clock.now,
      upstream: { baseUrl: stack.simulator.url, dispatcher: stack.dispatcher, attemptTimeoutMs: 5_000, deadlineMs: 10_000 },
      jit: false,
    });
    ids = stack.simulator.list(1001, 'inbox').slice(0, 3).map((row) => Number(row['interchangeId']));
    id = ids[0]!;
    globalId = (value) => Buffer.from(`Interchange:${value}`).toString('base64');
  });
  afterAll(() => stack.close());

  /** The jit app's answer, which must be the normal executor's, status and body. */
  async function same(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
    const send = (app: App) =>
      app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...ACME },
        body: JSON.stringify({ query, variables, operationName }),
      });
    const [jit, normal] = await Promise.all([send(stack.app), send(plain)]);
    const answer = { status: jit.status, body: await jit.json() };
    expect(answer).toEqual({ status: normal.status, body: await normal.json() });
    return answer;
  }

  it('compiles a document once and answers later requests from the compiled code', async () => {
    const before = compiles.count;
    const first = await gql(stack.app, STATS, { headers: ACME });
    const second = await gql(stack.app, STATS, { headers: ACME });
    expect(compiles.count - before).toBe(1);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
  });

  it('answers the example operations as the normal executor does', async () => {
    for (const example of exampleOperations({ interchangeId: id, globalId: globalId(id) })) {
      const { status } = await same(example.query, example.variables);
      expect(status).toBe(200);
    }
  });

  it('gives field errors their locations, through aliases and fragments', async () => {
    const query = `query Q {
  ...Pages
}
fragment Pages on Query {
  ok: inbox(first: 1) { totalCount }
  ... on Query {
    bad: inbox(first: -1) { totalCount }
  }
}`;
    const { body } = await same(query);
    expect(body.errors).toEqual([
      expect.objectContaining({ locations: [{ line: 7, column: 5 }], path: ['bad'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
  });

  it('leaves variables it cannot coerce to the normal executor: its messages and 400', async () => {
    const query = 'query($f: InterchangeFilter) { outbox(last: 1, filter: $f) { totalCount } }';
    const { status, body } = await same(query, { f: { beginDate: 0, mailboxId: false } });
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/^Variable "\$f" got invalid value 0 at "f.beginDate"/);
  });

  it('leaves documents it cannot compile to the normal executor', async () => {
    await same('mutation { __typename }');
    expect((await same('query A { __typename } query B { mailboxStats { sent } }', {}, 'B')).status).toBe(200);
    expect((await same('query A { __typename }', {}, 'B')).status).toBe(400);
  });

  it('keeps a failed item of nodes at its index (jit would append it)', async () => {
    const [ok, bad] = ids;
    stack.simulator.injectFault({ path: `/v2/interchanges/${bad}`, fault: { kind: 'status', status: 403 } });
    const before = compiles.count;
    try {
      // The repeated id is a cache hit of the request's loader, settled after the failed lookup.
      const { body } = await same(`{ nodes(ids: [${[ok, ok, bad].map((i) => `"${globalId(i!)}"`).join(', ')}]) { id } }`);
      expect(body.data?.nodes).toEqual([{ id: globalId(ok!) }, { id: globalId(ok!) }, null]);
      expect(body.errors?.map((e: { path: unknown; extensions: { code: string } }) => [e.path, e.extensions.code])).toEqual([
        [['nodes', 2], 'FORBIDDEN'],
      ]);
    } finally {
      stack.simulator.faults.clear();
    }
    expect(compiles.count).toBe(before);
  });
});
