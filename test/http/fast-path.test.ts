import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener } from '../../src/http/fast-path.js';
import { ACME, captureLogs, startStack, type Stack } from '../helpers/index.js';

/**
 * The fast path (src/http/fast-path.ts) must answer exactly what yoga answers. The same app is
 * served twice: through yoga's own node adapter and through the app's listener; every request
 * goes to both and the answers are compared byte for byte (status, media type, body), with the
 * log lines they leave.
 */

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const STATS = '{ mailboxStats { sent received totalBytes period } }';
const PAGE = '{ inbox(first: 3) { totalCount edges { cursor node { id interchangeId sender created status } } pageInfo { hasNextPage endCursor } } }';
const TWO_OPS = 'query A { mailboxStats { sent } } query B($first: Int!) { inbox(first: $first) { edges { node { interchangeId } } } }';

const isQueryBody = (body: unknown): body is { query: string } =>
  typeof body === 'object' && body !== null && typeof (body as { query?: unknown }).query === 'string';

type Case = readonly [name: string, body: unknown, headers?: Record<string, string>, fault?: () => void];

describe('the GraphQL fast path answers what yoga answers', () => {
  let stack: Stack;
  let logs: ReturnType<typeof captureLogs>;
  const servers: Server[] = [];
  let viaYoga = '';
  let viaListener = '';

  beforeAll(async () => {
    logs = captureLogs('info');
    stack = await startStack({ app: { logger: logs.logger } });
    const yogaServer = createServer(stack.app);
    const listenerServer = createServer(stack.app.listener);
    servers.push(yogaServer, listenerServer);
    viaYoga = await listen(yogaServer);
    viaListener = await listen(listenerServer);
  });
  afterAll(async () => {
    await Promise.all(servers.map(close));
    await stack.close();
  });

  const send = async (base: string, body: unknown, headers: Record<string, string>) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      requestId: response.headers.get('x-request-id'),
      body: await response.text(),
    };
  };
  const logLine = (requestId: string | null) => {
    const line = logs.lines().find((l) => l['req']?.id === requestId);
    if (!line) return undefined;
    const { time: _time, responseTime: _responseTime, req, msg, ...rest } = line;
    return { ...rest, msg: String(msg).replace(/ \d+ms$/, ''), req: { ...req, id: undefined }, upstream: { ...rest['upstream'], ms: undefined } };
  };

  const cases: Case[] = [
    ['mailboxStats', { query: STATS }, ACME],
    ['a page with cursors and dates', { query: PAGE }, ACME],
    ['an operation picked by name, with variables', { query: TWO_OPS, operationName: 'B', variables: { first: 2 } }, ACME],
    ['null variables, operationName and extensions', { query: STATS, variables: null, operationName: null, extensions: null }, ACME],
    ['a syntax error', { query: '{ mailboxStats { sent ' }, ACME],
    ['an unknown field', { query: '{ mailboxStats { nope } }' }, ACME],
    ['variables that do not coerce', { query: TWO_OPS, operationName: 'B', variables: { first: 'x' } }, ACME],
    ['an operation name that is not there', { query: TWO_OPS, operationName: 'C' }, ACME],
    ['several operations and no name', { query: TWO_OPS }, ACME],
    ['no credential', { query: STATS }, {}],
    ['bad user input', { query: '{ inbox(first: -1) { totalCount } }' }, ACME],
    ['a global id that is not ours', { query: '{ node(id: "bm9wZQ==") { id } }' }, ACME],
    ['too deep', { query: '{ inbox(first: 1) { edges { node { ...on Interchange { ...on Interchange { ...on Node { id } } } } } } }'.replace('id', 'a { b { c { d { e { f } } } } }') }, ACME],
    ['too many tokens', { query: `{ mailboxStats { ${'sent '.repeat(1_600)} } }` }, ACME],
    ['too many aliases', { query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: mailboxStats { sent }`).join(' ')} }` }, ACME],
    ['too many upstream calls', { query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: inbox(first: ${100 - i}) { totalCount }`).join(' ')} }` }, ACME],
    ['a subscription', { query: 'subscription { ticks }' }, ACME],
    ['a mutation', { query: 'mutation { nothing }' }, ACME],
    ['introspection', { query: '{ __schema { queryType { name } } }' }, ACME],
    ['ECGrid refusing the credential', { query: STATS }, ACME, () => stack.simulator.injectFault({ path: '/v2/reports', times: 1, fault: { kind: 'status', status: 403, body: { success: false, errorCode: 'AccessDenied', message: 'no' } } })],
    ['ECGrid answering HTML', { query: STATS }, ACME, () => stack.simulator.injectFault({ path: '/v2/reports', times: 1, fault: { kind: 'malformed', body: '<html>' } })],
    // Bodies the fast path declines after reading them: yoga answers from the buffered body.
    ['an unknown parameter', { query: STATS, foo: 1 }, ACME],
    ['a batch', [{ query: STATS }], ACME],
    ['not JSON', '{"query": ', ACME],
    ['a query that is not a string', { query: 42 }, ACME],
    ['variables that are a list', { query: STATS, variables: [1] }, ACME],
  ];
  // No Accept, the two JSON types, and what common clients send (Apollo Client, urql, others).
  const accepts: (Record<string, string> | undefined)[] = [
    undefined,
    { accept: 'application/json' },
    { accept: 'application/graphql-response+json' },
    { accept: 'application/graphql-response+json, application/json;q=0.9' },
    { accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed' },
    { accept: 'multipart/mixed;deferSpec=20220824, application/json' },
  ];

  it.each(cases.map((c) => [c[0], c] as const))('%s', async (name, [, body, headers = {}, fault]) => {
    for (const [index, accept] of accepts.entries()) {
      // A document of its own per pair: both answers come from the same executor (graphql-jit
      // takes over a document from its 10th run, and orders a failed result's keys differently).
      const own = isQueryBody(body) ? { ...body, query: `${body.query}\n# ${name}, ${index}` } : body;
      fault?.();
      const yoga = await send(viaYoga, own, { ...headers, ...accept });
      fault?.();
      const fast = await send(viaListener, own, { ...headers, ...accept });
      expect({ status: fast.status, type: fast.type, body: fast.body }).toEqual({ status: yoga.status, type: yoga.type, body: yoga.body });
      expect(fast.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(logLine(fast.requestId)).toEqual(logLine(yoga.requestId));
    }
  });

  it.each([
    '*/*',
    'application/*',
    'application/json, application/graphql-response+json',
    '*/*, application/graphql-response+json',
    'text/event-stream, application/json',
    'application/graphql-response+json;q=0.5, application/json',
    'text/event-stream',
    'application/xml',
    '',
  ])('answers in the media type yoga picks for Accept: %s', async (accept) => {
    const yoga = await send(viaYoga, { query: STATS }, { ...ACME, accept });
    const fast = await send(viaListener, { query: STATS }, { ...ACME, accept });
    expect({ status: fast.status, type: fast.type }).toEqual({ status: yoga.status, type: yoga.type });
    if (yoga.type?.startsWith('application/')) expect(fast.body).toBe(yoga.body);
  });

  it('stays up when a client hangs up in the middle of its body', async () => {
    const { port } = new URL(viaListener);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    const after = await send(viaListener, { query: STATS }, ACME);
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body).data.mailboxStats.sent).toBeGreaterThan(0);
  });

  it('keeps the caller credential out of its answers and log lines', async () => {
    const secret = 'fast-path-secret-key-123';
    await send(viaListener, { query: STATS }, { 'x-api-key': secret });
    await send(viaListener, { query: '{ mailboxStats { sent ' }, { 'x-api-key': secret });
    expect(logs.text()).not.toContain(secret);
  });
});

describe('which requests take the fast path', () => {
  let fallbacks = 0;
  let base = '';
  let server: Server;
  beforeAll(async () => {
    const yoga = createYoga({ schema: createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } }), logging: false });
    const counted = new Proxy(yoga, {
      apply(target, self, args: [IncomingMessage, unknown]) {
        fallbacks += 1;
        return Reflect.apply(target as never, self, args);
      },
    });
    server = createServer(createRequestListener(counted as never, { plugins: [], maskError: (error) => error as Error, maxBodyBytes: 1_000 }));
    base = await listen(server);
  });
  afterAll(() => close(server));

  const took = async (init: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) => {
    const before = fallbacks;
    const response = await fetch(`${base}${init.path ?? '/graphql'}`, {
      method: init.method ?? 'POST',
      headers: init.headers ?? { 'content-type': 'application/json' },
      ...(init.method === 'GET' ? {} : { body: init.body ?? JSON.stringify({ query: '{ hello }' }) }),
    });
    await response.text();
    return fallbacks === before ? 'fast' : 'yoga';
  };

  it('takes plain JSON POSTs of one operation', async () => {
    expect(await took({})).toBe('fast');
    expect(await took({ headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/graphql-response+json' } })).toBe('fast');
    // urql's Accept: a JSON type is listed, so yoga would answer JSON too.
    const urql = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';
    expect(await took({ headers: { 'content-type': 'application/json', accept: urql } })).toBe('fast');
  });

  it('leaves everything else to yoga', async () => {
    expect(await took({ method: 'GET', path: '/graphql?query=%7Bhello%7D' })).toBe('yoga');
    expect(await took({ path: '/graphql?x=1' })).toBe('yoga');
    expect(await took({ path: '/other' })).toBe('yoga');
    expect(await took({ headers: { 'content-type': 'application/graphql+json' } })).toBe('yoga');
    expect(await took({ headers: { 'content-type': 'application/json', origin: 'https://app.example' } })).toBe('yoga');
    expect(await took({ headers: { 'content-type': 'application/json', accept: 'text/event-stream' } })).toBe('yoga');
    expect(await took({ headers: { 'content-type': 'application/json', accept: 'multipart/mixed' } })).toBe('yoga');
    expect(await took({ headers: { 'content-type': 'application/json', accept: 'application/graphql+json' } })).toBe('yoga');
    expect(await took({ body: JSON.stringify({ query: `{ hello } #${'x'.repeat(2_000)}` }) })).toBe('yoga');
  });
});
