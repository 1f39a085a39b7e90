import fc from 'fast-check';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/http/graphiql.js';
import { ACME, appBefore, gql, type Stack, startStack } from '../helpers/index.js';

const post = (stack: Stack, body: BodyInit, headers: Record<string, string> = {}) =>
  stack.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ACME, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

describe('operation limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: { MAX_UPSTREAM_CALLS: 40 } });
  });
  afterAll(() => stack.close());

  it('let every example operation and the GraphiQL introspection query through', async () => {
    for (const example of exampleOperations()) {
      const { body } = await gql(stack.app, example.query, { variables: example.variables, headers: ACME });
      expect(body.errors, example.name).toBeUndefined();
    }
    const { body } = await gql(stack.app, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    expect(body.errors).toBeUndefined();
    expect(body.data?.['__schema'].queryType.name).toBe('Query');
  });

  it.each([
    ['21 aliases', `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: mailboxStats { sent }`).join(' ')} }`, /aliases/i],
    ['1600 tokens', `{ ${'__typename '.repeat(1600)} }`, /token/i],
    ['21 directives', `{ __typename ${'@include(if: true) '.repeat(21)} }`, /directive/i],
    ['14 tail pages of inbox (42 calls)', `{ ${Array.from({ length: 14 }, (_, i) => `p${i}: inbox(last: ${i + 1}) { totalCount }`).join(' ')} }`, /could cause 42 ECGrid calls; the limit is 40/],
    ['nodes of 41 ids', `{ nodes(ids: [${Array.from({ length: 41 }, () => '"SW50ZXJjaGFuZ2U6OTg3MDAwMDE="').join(',')}]) { id } }`, /ECGrid calls/],
  ])('reject %s with an error and no upstream call', async (_name, query, message) => {
    stack.simulator.resetCalls();
    const { status, body } = await gql(stack.app, query, { headers: ACME });
    expect(body.errors?.length).toBeGreaterThan(0);
    if (message) expect(body.errors?.map((e) => e.message).join(' ')).toMatch(message);
    expect(body.data ?? null).toBeNull();
    expect([200, 400]).toContain(status);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('rejects a selection deeper than the configured depth', async () => {
    // No valid selection of this schema is deeper than 4, so the default of 8 guards future types;
    // a lower limit shows it works.
    const app = appBefore(stack, { config: { MAX_DEPTH: 3 } });
    stack.simulator.resetCalls();
    const { body } = await gql(app, '{ inbox { edges { node { ...F } } } } fragment F on Interchange { id }', { headers: ACME });
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('counts the cost in upstream calls: 20 connection pages fit, one more does not', async () => {
    const fits = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: inbox(first: ${i + 1}) { totalCount }`).join(' ')} }`;
    const { body } = await gql(stack.app, fits, { headers: ACME });
    expect(body.errors).toBeUndefined();
  });

  it('can turn introspection off, and then also hides field suggestions', async () => {
    const app = appBefore(stack, { config: { INTROSPECTION: false } });
    const introspection = await gql(app, '{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await gql(app, '{ mailboxStat { sent } }');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    const typoOn = await gql(stack.app, '{ mailboxStat { sent } }');
    expect(JSON.stringify(typoOn.body)).toMatch(/Did you mean/);
  });
});

describe('bad HTTP input', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers malformed JSON, wrong content types, batches and unknown operations with 4xx and no upstream call', async () => {
    stack.simulator.resetCalls();
    expect((await post(stack, '{"query": "{ mailboxStats { sent } }"')).status).toBe(400);
    expect((await post(stack, '[{"query":"{ __typename }"},{"query":"{ __typename }"}]')).status).toBe(400);
    expect((await post(stack, '"just a string"')).status).toBe(400);
    expect((await post(stack, '{}', { accept: 'application/graphql-response+json' })).status).toBe(400);
    expect((await post(stack, JSON.stringify({ query: 42 }))).status).toBe(400);
    expect([400, 415]).toContain((await post(stack, 'query=1', { 'content-type': 'application/xml' })).status);
    const unknownOperation = await post(stack, JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }), {
      accept: 'application/graphql-response+json',
    });
    expect(unknownOperation.status).toBe(400);
    const badVariables = await post(stack, JSON.stringify({ query: 'query($n: Int) { inbox(first: $n) { totalCount } }', variables: { n: 'ten' } }), {
      accept: 'application/graphql-response+json',
    });
    expect(badVariables.status).toBe(400);
    expect(JSON.stringify(await badVariables.json())).toMatch(/Int cannot represent/);
    const mutationOnGet = await stack.app.fetch('http://localhost/graphql?query=mutation%7B__typename%7D', {
      headers: { accept: 'application/graphql-response+json', ...ACME },
    });
    expect([400, 405]).toContain(mutationOnGet.status);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('answers a body over 1 MiB with a readable 413, with or without Content-Length', async () => {
    const huge = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } });
    const declared = await post(stack, huge);
    expect(declared.status).toBe(413);
    expect(await declared.text()).toMatch(/larger than 1048576 bytes/);
    const encoder = new TextEncoder();
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(encoder.encode('x'.repeat(100_000)));
        controller.close();
      },
    });
    const chunked = await post(stack, streamed);
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toMatch(/larger than/);
    const fine = await post(stack, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(500_000) } }));
    expect(fine.status).toBe(200);
  });
});

describe('fuzzing the GraphQL surface', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: { ECGRID_ATTEMPT_TIMEOUT_MS: 500, ECGRID_TIMEOUT_MS: 1000 } });
  });
  afterAll(() => stack.close());

  const HOSTILE = [
    `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: mailboxStats { sent }`).join(' ')} }`,
    `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
    `{ inbox(first: 500) { edges { node { ${'id '.repeat(3000)} } } } }`,
    `{ interchange(interchangeId: 9007199254740993) { id } }`,
    `{ interchange(interchangeId: "1") { id } }`,
    `{ inbox(first: 1e9) { totalCount } }`,
    `{ inbox(filter: { beginDate: "yesterday" }) { totalCount } }`,
    `{ inbox(filter: { mailboxId: 99999999999 }) { totalCount } }`,
    `{ node(id: "${'A'.repeat(100_000)}") { id } }`,
    `{ inbox(after: "${'%'.repeat(10_000)}") { totalCount } }`,
    `${'{'.repeat(5000)}${'}'.repeat(5000)}`,
    `query Q($a: [ID!]!) { nodes(ids: $a) { id } }`,
    `subscription { __typename }`,
    `mutation { __typename }`,
    '\u0000\uffff{ __typename }',
    `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`,
  ];

  it('answers hostile documents with coded errors, never INTERNAL_SERVER_ERROR, and stays up', async () => {
    for (const query of HOSTILE) {
      const response = await post(stack, JSON.stringify({ query, variables: { a: Array.from({ length: 100 }, () => 'x') } }));
      expect([200, 400, 405, 413]).toContain(response.status);
      const text = await response.text();
      expect(text).not.toContain('INTERNAL_SERVER_ERROR');
      expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
    const { body } = await gql(stack.app, '{ mailboxStats { sent } }', { headers: ACME });
    expect(body.errors).toBeUndefined();
  });

  it('answers random documents and variables without an internal error', async () => {
    const fields = ['mailboxStats { sent period }', 'inbox(first: $n, after: $c) { totalCount edges { cursor node { id standard } } }', 'outbox(last: $n, before: $c, filter: $f) { pageInfo { hasPreviousPage } }', 'interchange(interchangeId: $i) { id status }', 'node(id: $id) { id }', 'nodes(ids: [$id]) { id }', '__typename'];
    const scalar = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 40 }), fc.boolean(), fc.constant(null), fc.constant(9007199254740993), fc.array(fc.integer(), { maxLength: 3 }));
    const document = fc.record({
      picks: fc.subarray(fields, { minLength: 1 }),
      aliases: fc.array(fc.string({ minLength: 1, maxLength: 4 }).filter((s) => /^[a-z]\w*$/i.test(s)), { maxLength: 3 }),
      variables: fc.record({ n: scalar, c: scalar, f: fc.oneof(scalar, fc.record({ beginDate: scalar, mailboxId: scalar })), i: scalar, id: scalar }, { requiredKeys: [] }),
      noise: fc.oneof(fc.constant(''), fc.string({ maxLength: 8 })),
    });
    await fc.assert(
      fc.asyncProperty(document, async ({ picks, aliases, variables, noise }) => {
        const selections = picks.map((field, i) => (aliases[i] ? `${aliases[i]}${i}: ${field}` : field)).join(' ');
        const query = `query Fuzz($n: Int, $c: String, $f: InterchangeFilter, $i: SafeInt = 1, $id: ID = "x") { ${selections} }${noise}`;
        const response = await post(stack, JSON.stringify({ query, variables }));
        expect([200, 400]).toContain(response.status);
        const text = await response.text();
        expect(text).not.toContain('INTERNAL_SERVER_ERROR');
      }),
      { numRuns: 150 },
    );
    const health = await stack.app.fetch('http://localhost/health');
    expect(health.status).toBe(200);
  });
});
