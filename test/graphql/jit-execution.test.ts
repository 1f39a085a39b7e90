import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.js';
import { exampleOperations } from '../../src/http/graphiql.js';
import { COMPILE_ON_RUN } from '../../src/graphql/jit-execution.js';
import { ACME, appBefore, gql, type Stack, startStack } from '../helpers/index.js';

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
    plain = appBefore(stack, { config: { GRAPHQL_JIT: false } });
    ids = stack.simulator.list(1001, 'inbox').slice(0, 3).map((row) => Number(row['interchangeId']));
    id = ids[0]!;
    globalId = (value) => Buffer.from(`Interchange:${value}`).toString('base64');
  });
  afterAll(() => stack.close());

  /**
   * The jit app's answer on the document's COMPILE_ON_RUN-th run, which must be the normal
   * executor's, status and body; `compiled`: whether jit compiled the document.
   */
  async function same(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
    const send = (app: App) =>
      app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...ACME },
        body: JSON.stringify({ query, variables, operationName }),
      });
    const before = compiles.count;
    for (let run = 1; run < COMPILE_ON_RUN; run += 1) await send(stack.app);
    const [jit, normal] = await Promise.all([send(stack.app), send(plain)]);
    const answer = { status: jit.status, body: await jit.json(), compiled: compiles.count > before };
    expect({ status: answer.status, body: answer.body }).toEqual({ status: normal.status, body: await normal.json() });
    return answer;
  }

  it('compiles a document once, on its COMPILE_ON_RUN-th run, and answers later runs from the compiled code', async () => {
    const before = compiles.count;
    const answers = [];
    for (let run = 1; run <= COMPILE_ON_RUN + 2; run += 1) {
      answers.push((await gql(stack.app, STATS, { headers: ACME })).body);
      expect(compiles.count - before).toBe(run < COMPILE_ON_RUN ? 0 : 1);
    }
    expect(answers[0]?.errors).toBeUndefined();
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });

  it('answers the example operations as the normal executor does', async () => {
    for (const example of exampleOperations({ interchangeId: id, globalId: globalId(id) })) {
      const { status, compiled } = await same(example.query, example.variables);
      expect([status, compiled]).toEqual([200, true]);
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
    const { body, compiled } = await same(query);
    expect(compiled).toBe(true);
    expect(body.errors).toEqual([
      expect.objectContaining({ locations: [{ line: 7, column: 5 }], path: ['bad'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
  });

  it('answers bad upstream values of rows as the normal executor does, at their aliased paths', async () => {
    stack.simulator.injectFault({
      path: '/v2/interchanges/inbox-list',
      fault: {
        kind: 'transform',
        transform: (body) => {
          const rows = (body as { data: { interchanges: Record<string, unknown>[] } }).data.interchanges;
          rows[0]!['standard'] = 'EANCOM';
          rows[1]!['parcelId'] = 'P-17';
          delete rows[1]!['created'];
          rows[2]!['interchangeId'] = 'x';
          rows[2]!['sender'] = { nested: true };
          return body;
        },
      },
    });
    try {
      const query = `{ page: inbox(first: 3) { e: edges { n: node { ...Row ... on Node { id } } } } }
fragment Row on Interchange { standard raw: rawStandard parcelId when: created interchangeId from: sender }`;
      const { body, compiled } = await same(query);
      expect(compiled).toBe(true);
      const nodes = body.data.page.e.map((edge: { n: unknown }) => edge.n);
      expect(nodes.map((n: any) => [n.standard, n.raw, n.parcelId === null, n.when, n.interchangeId, n.from])).toEqual([
        [null, 'EANCOM', false, expect.stringMatching(/^2\d{3}-/), expect.any(Number), expect.any(String)],
        [expect.any(String), expect.any(String), true, '1970-01-01T00:00:00.000Z', expect.any(Number), expect.any(String)],
        [expect.any(String), expect.any(String), false, expect.stringMatching(/^2\d{3}-/), 0, null],
      ]);
      expect(nodes[2].id).toBe(globalId(0));
      const at = (i: number, field: string) => ['page', 'e', i, 'n', field];
      expect(body.errors.map((e: { path: unknown; extensions: { code: string } }) => [e.path, e.extensions.code]).sort()).toEqual(
        [at(0, 'standard'), at(1, 'parcelId'), at(1, 'when'), at(2, 'interchangeId'), at(2, 'from'), at(2, 'id')]
          .map((path) => [path, 'UPSTREAM_BAD_RESPONSE'])
          .sort(),
      );
      expect(body.errors.find((e: { path: string[] }) => e.path.at(-1) === 'from').message).toBe(
        'ECGrid sent {"nested":true} for sender, not a string',
      );
    } finally {
      stack.simulator.faults.clear();
    }
  });

  it('leaves variables it cannot coerce to the normal executor: its messages and 400', async () => {
    const query = 'query($f: InterchangeFilter) { outbox(last: 1, filter: $f) { totalCount } }';
    const { status, body, compiled } = await same(query, { f: { beginDate: 0, mailboxId: false } });
    expect([status, compiled]).toEqual([400, true]);
    expect(body.errors[0].message).toMatch(/^Variable "\$f" got invalid value 0 at "f.beginDate"/);
  });

  it('leaves documents it cannot compile to the normal executor', async () => {
    expect((await same('mutation { __typename }')).compiled).toBe(false);
    const second = await same('query A { __typename } query B { mailboxStats { sent } }', {}, 'B');
    expect([second.status, second.compiled]).toEqual([200, true]);
    const unknown = await same('query A { __typename }', {}, 'B');
    expect([unknown.status, unknown.compiled]).toEqual([400, false]);
  });

  it('keeps a failed item of nodes at its index (jit would append it)', async () => {
    const [ok, bad] = ids;
    stack.simulator.injectFault({ path: `/v2/interchanges/${bad}`, fault: { kind: 'status', status: 403 } });
    try {
      // The repeated id is a cache hit of the request's loader, settled after the failed lookup.
      const { body, compiled } = await same(`{ nodes(ids: [${[ok, ok, bad].map((i) => `"${globalId(i!)}"`).join(', ')}]) { id } }`);
      expect(body.data?.nodes).toEqual([{ id: globalId(ok!) }, { id: globalId(ok!) }, null]);
      expect(body.errors?.map((e: { path: unknown; extensions: { code: string } }) => [e.path, e.extensions.code])).toEqual([
        [['nodes', 2], 'FORBIDDEN'],
      ]);
      expect(compiled).toBe(false);
    } finally {
      stack.simulator.faults.clear();
    }
  });
});
