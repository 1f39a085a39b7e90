/**
 * Fuzzing the surface a client controls: variables, representations, cursors and HTTP framing.
 * No answer is INTERNAL_SERVER_ERROR or 5xx; a refused request makes no ECGrid call; every answer
 * comes within a bound. Fixed seed on every `npm test`; FUZZ_RUNS=n (and FUZZ_SEED) run longer.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHash } from '../../src/pagination/connection.js';
import { cursorWriter } from '../../src/pagination/cursor.js';
import { ACME, startStack, type Stack, urlOf } from '../helpers/index.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261207);
const BOUND_MS = 3_000;
/** Codes of answers that refused the request itself: these must cost no ECGrid call. */
const REFUSALS = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'UNAUTHENTICATED']);

let stack: Stack;
let url: string;
beforeAll(async () => {
  stack = await startStack({ config: { ECGRID_ATTEMPT_TIMEOUT_MS: 1_000, ECGRID_TIMEOUT_MS: 2_000 } });
  url = await urlOf(stack.app);
});
afterAll(() => stack.close());

interface Sent {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** Sends one request on a real port and checks the invariants; returns the parsed answer when JSON. */
async function check(sent: Sent): Promise<void> {
  stack.simulator.resetCalls();
  const started = performance.now();
  const response = await fetch(new URL(sent.path ?? '/graphql', url), {
    method: sent.method ?? 'POST',
    headers: sent.headers ?? { 'content-type': 'application/json', ...ACME },
    ...(sent.body !== undefined && sent.method !== 'GET' ? { body: sent.body } : {}),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  const context = `${sent.method ?? 'POST'} ${sent.path ?? ''} ${(sent.body ?? '').slice(0, 200)} -> ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  expect(elapsed, context).toBeLessThan(BOUND_MS);
  expect(text, context).not.toContain('INTERNAL_SERVER_ERROR');
  let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  // /ready asks ECGrid for its version: only GraphQL requests are held to "refused means no call".
  const graphql = new URL(sent.path ?? '/graphql', url).pathname.toLowerCase().startsWith('/graphql');
  const errors = body?.errors ?? [];
  const refused = response.status >= 400 || (body?.data == null && errors.length > 0 && errors.every((e) => REFUSALS.has(String(e.extensions?.code))));
  // A readiness probe of an earlier request may still land: only the calls a GraphQL request makes count.
  const calls = stack.simulator.calls.filter((call) => call.path !== '/v2/auth/version').length;
  if (graphql && refused) expect(calls, context).toBe(0);
}

const json = fc.jsonValue({ maxDepth: 4 });
const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('__proto__', 'constructor', '', '\u0000', '-1', '1e309', '9007199254740993', 'NaN', "'; DROP TABLE", '{"a":1}'),
);
const hostileValue = fc.oneof(json, hostileString, fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 31), 1e308, null, true));

const OPERATIONS = [
  'query($f: InterchangeFilter, $n: Int, $a: String) { inbox(filter: $f, first: $n, after: $a) { totalCount edges { cursor } } }',
  'query($f: InterchangeFilter, $n: Int, $b: String) { outbox(filter: $f, last: $n, before: $b) { pageInfo { hasPreviousPage } } }',
  'query($id: SafeInt!) { interchange(interchangeId: $id) { id } }',
  'query($id: ID!) { node(id: $id) { id } }',
  'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Interchange { interchangeId } } }',
];

describe('fuzzing what a client controls', () => {
  it('variables of every operation', async () => {
    const variables = fc.dictionary(fc.constantFrom('f', 'n', 'a', 'b', 'id', 'ids', 'r', '__proto__'), hostileValue, { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS), variables, async (query, vars) => check({ body: JSON.stringify({ query, variables: vars }) })),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('representations, as raw JSON (with __proto__ keys and odd types)', async () => {
    const member = fc.oneof(
      fc.record({ __typename: fc.oneof(fc.constantFrom('Interchange', 'Mailbox', 'Query', '__proto__', ''), hostileValue), interchangeId: hostileValue }, { requiredKeys: [] }),
      hostileValue,
    );
    const raw = fc.oneof(
      fc.array(member, { maxLength: 6 }).map((list) => JSON.stringify(list)),
      fc.constantFrom('[{"__proto__":{"__typename":"Interchange"},"interchangeId":1}]', '[{"__typename":"Interchange","__proto__":null,"interchangeId":98700001}]', '{"__typename":"Interchange"}'),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (representations) =>
        check({ body: `{"query":${JSON.stringify(OPERATIONS[5])},"variables":{"r":${representations}}}` }),
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('cursors: random, mutated and forged', async () => {
    const real = cursorWriter(listHash('inbox|||||'), Date.parse('2026-11-15T00:00:00Z'))(3);
    const cursor = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.base64String({ maxLength: 80 }),
      fc.tuple(fc.nat(real.length - 1), fc.string({ minLength: 1, maxLength: 1 })).map(([at, c]) => real.slice(0, at) + c + real.slice(at + 1)),
      fc.tuple(fc.double({ noNaN: false }), fc.double({ noNaN: false })).map(([pin, offset]) => cursorWriter(listHash('inbox|||||'), Math.trunc(pin))(Math.trunc(Math.abs(offset)))),
      fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 53 }), fc.integer({ min: 0, max: 2 ** 53 })).map(([pin, offset]) => cursorWriter(listHash('inbox|||||'), pin)(offset)),
    );
    await fc.assert(
      fc.asyncProperty(cursor, fc.constantFrom('after', 'before'), fc.integer({ min: -5, max: 600 }), async (c, argument, size) =>
        check({
          body: JSON.stringify({
            query: `query($c: String, $n: Int) { inbox(${argument}: $c, ${argument === 'after' ? 'first' : 'last'}: $n) { edges { cursor } } }`,
            variables: { c, n: size },
          }),
        }),
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('HTTP framing: methods, paths, content types, bodies and headers', async () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      path: fc.oneof(
        fc.constantFrom('/graphql', '/graphql?query={__typename}', '/graphql?query={mailboxStats{sent}}&variables={bad', '/graphql?extensions={bad&query={__typename}', '/', '/health', '/ready', '/metrics', '/graphql/', '/GRAPHQL'),
        fc.string({ maxLength: 20 }).map((tail) => `/graphql?query=${encodeURIComponent(tail)}`),
      ),
      headers: fc.record(
        {
          'content-type': fc.constantFrom('application/json', 'application/graphql-response+json', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ''),
          accept: fc.constantFrom('application/json', 'text/html', '*/*', 'image/png', 'application/graphql-response+json', 'text/event-stream', ''),
          'x-api-key': fc.constantFrom('demo-key-acme', '', 'demo key acme', 'x'.repeat(9_000)),
          origin: fc.constantFrom('https://evil.example', 'null'),
        },
        { requiredKeys: [] },
      ),
      body: fc.oneof(
        fc.string({ maxLength: 60 }),
        json.map((value) => JSON.stringify(value)),
        fc.constantFrom('{"query":"{ mailboxStats { sent } }","variables":"str"}', '{"query":"{ __typename }","extensions":[1]}', '{"query":1}', '[]', 'null', '{'),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (sent) => check(sent)),
      { numRuns: RUNS * 2, seed: SEED },
    );
  });
});
