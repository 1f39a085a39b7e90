import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { logDestination } from '../../src/observability/logger.js';
import { ACME, captureLogs, gql, mockUpstream, recorder, startStack, type Stack } from '../helpers/index.js';

const INBOX = 'query Inbox($first: Int) { mailboxStats { sent } inbox(first: $first) { totalCount edges { node { interchangeId } } } }';

const requestLines = (logs: ReturnType<typeof captureLogs>) => logs.lines().filter((line) => line['component'] === 'http');

describe('one log line per request', () => {
  let stack: Stack;
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    logs = captureLogs('debug');
    stack = await startStack({ app: { logger: logs.logger } });
  });
  afterAll(() => stack.close());

  it('tells the operation, status, duration, upstream calls and request id, at info', async () => {
    stack.simulator.resetCalls();
    const before = requestLines(logs).length;
    const { status, headers } = await gql(stack.app, INBOX, { variables: { first: 3 }, headers: ACME });
    expect(status).toBe(200);
    const lines = requestLines(logs).slice(before);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      operation: { type: 'query', name: 'Inbox' },
      upstream: { calls: stack.simulator.callCount, failed: 0 },
      msg: expect.stringMatching(/^query Inbox 200 \d+ms$/),
    });
    expect(stack.simulator.callCount).toBe(2);
    expect(line!['responseTime']).toBeGreaterThan(0);
    expect(line!['upstream'].ms).toBeGreaterThan(0);
    expect(line!['upstream'].ms).toBeLessThanOrEqual(line!['responseTime'] * 2 + 1);
    // A generated id, answered to the caller and sent upstream with every call.
    const id = line!['req'].id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('x-request-id')).toBe(id);
    expect(stack.simulator.calls.map((call) => call.requestId)).toEqual([id, id]);
  });

  it("keeps the caller's X-Request-Id and sends it upstream; replaces one that is not a sane token", async () => {
    stack.simulator.resetCalls();
    const first = await gql(stack.app, '{ mailboxStats { sent } }', { headers: { ...ACME, 'x-request-id': 'caller-req-42' } });
    expect(first.headers.get('x-request-id')).toBe('caller-req-42');
    expect(stack.simulator.calls.map((call) => call.requestId)).toEqual(['caller-req-42']);

    stack.simulator.resetCalls();
    const junk = 'x'.repeat(300);
    const second = await gql(stack.app, '{ mailboxStats { sent } }', { headers: { ...ACME, 'x-request-id': junk } });
    const replaced = second.headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(stack.simulator.calls.map((call) => call.requestId)).toEqual([replaced]);
  });

  it('counts failed upstream calls and lists the error codes', async () => {
    stack.simulator.faults.add({ path: '/v2/reports', times: 1, fault: { kind: 'status', status: 403 } });
    const before = requestLines(logs).length;
    await gql(stack.app, 'query Stats { mailboxStats { sent } }', { headers: ACME });
    const [line] = requestLines(logs).slice(before);
    expect(line).toMatchObject({ operation: { name: 'Stats' }, upstream: { calls: 1, failed: 1 }, errors: ['FORBIDDEN'] });
  });

  it('logs a request refused before execution (413), and never the query string of a GET', async () => {
    const before = requestLines(logs).length;
    const big = await stack.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) },
      body: '{}',
    });
    expect(big.status).toBe(413);
    const get = await stack.app.fetch(
      `http://localhost/graphql?query=${encodeURIComponent('query Q($first: Int) { inbox(first: $first) { totalCount } }')}&variables=${encodeURIComponent('{"first":1,"note":"variable-value-77"}')}`,
      { headers: { ...ACME, accept: 'application/json' } },
    );
    expect(get.status).toBe(200);
    const lines = requestLines(logs).slice(before);
    expect(lines.map((line) => line['res'].statusCode)).toEqual([413, 200]);
    expect(lines[1]).toMatchObject({ req: { method: 'GET', path: '/graphql' }, operation: { name: 'Q' } });
    expect(lines[1]).not.toHaveProperty('errors');
    expect(JSON.stringify(lines)).not.toContain('variable-value-77');
  });

  it('logs probes and scrapes at debug, so that info stays readable', async () => {
    const before = requestLines(logs).length;
    await stack.app.fetch('http://localhost/ready');
    await stack.app.fetch('http://localhost/metrics');
    const lines = requestLines(logs).slice(before);
    expect(lines.map((line) => [line['req'].path, line['level']])).toEqual([
      ['/ready', 20],
      ['/metrics', 20],
    ]);
  });
});

describe('log level and format', () => {
  it('LOG_LEVEL=warn writes no request line', async () => {
    const logs = captureLogs('warn');
    const stack = await startStack({ app: { logger: logs.logger } });
    try {
      await gql(stack.app, '{ mailboxStats { sent } }', { headers: ACME });
      expect(logs.text()).toBe('');
    } finally {
      await stack.close();
    }
  });

  it('reads LOG_LEVEL and LOG_FORMAT from the environment, rejecting unknown values', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' })).toMatchObject({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
    expect(loadConfig({})).toMatchObject({ LOG_LEVEL: 'info', LOG_FORMAT: 'auto' });
    expect(() => loadConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT/);
  });

  it('is JSON unless a terminal asks for pretty lines (or LOG_FORMAT=pretty)', async () => {
    expect(await logDestination('auto', false)).toBeUndefined();
    expect(await logDestination('json', true)).toBeUndefined();
    const pretty = await logDestination('auto', true);
    expect(pretty).toBeDefined();
    expect(await logDestination('pretty', false)).toBeDefined();
  });

  it('pretty lines are human-readable text, not JSON', async () => {
    const { createLogger } = await import('../../src/observability/logger.js');
    const pretty = (await import('pino-pretty')).default;
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const logger = createLogger('info', pretty({ destination: out, colorize: false, sync: true }));
    logger.info({ req: { id: 'r1' } }, 'query Inbox 200 12ms');
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).toContain('INFO');
    expect(text).toContain('query Inbox 200 12ms');
    expect(text.trim().startsWith('{')).toBe(false);
  });
});

describe('credentials never reach the logs', () => {
  const SECRETS = ['demo-key-acme', 'demo-jwt-globex', 'wrong-key-ABCDEF123456', 'echoed-key-999888777', 'service-key-5550123'];

  it('at trace level, across successes, upstream 401s, malformed headers and an upstream echoing the key', async () => {
    const logs = captureLogs('trace');
    const stack = await startStack({ app: { logger: logs.logger }, config: { ECGRID_API_KEY: 'service-key-5550123' } });
    try {
      await gql(stack.app, INBOX, { variables: { first: 2 }, headers: { 'x-api-key': 'demo-key-acme' } });
      await gql(stack.app, INBOX, { headers: { authorization: 'Bearer demo-jwt-globex' } });
      await gql(stack.app, '{ mailboxStats { sent } }', { headers: { 'x-api-key': 'wrong-key-ABCDEF123456' } });
      await gql(stack.app, '{ mailboxStats { sent } }', { headers: { 'x-api-key': 'demo-key-acme', authorization: 'Bearer demo-jwt-globex' } });
      await gql(stack.app, '{ mailboxStats { sent } }'); // the service key
      await gql(stack.app, '{ nosuchfield }', { headers: { 'x-api-key': 'demo-key-acme' } });
    } finally {
      await stack.close();
    }

    const mock = captureLogs('trace');
    const { app, pool, requests } = mockUpstream({ app: { logger: mock.logger } });
    pool
      .intercept({ path: '/v2/reports/mailbox-interchange-stats', method: 'GET' })
      .reply(recorder(requests, 400, { success: false, data: null, errorCode: 'InvalidParameter', message: 'bad key echoed-key-999888777' }))
      .persist();
    pool
      .intercept({ path: '/v2/interchanges/inbox-list', method: 'POST' })
      .reply(() => {
        throw new Error('socket broke while sending echoed-key-999888777');
      })
      .persist();
    const echoed = await gql(app, '{ mailboxStats { sent } inbox(first: 1) { totalCount } }', { headers: { 'x-api-key': 'echoed-key-999888777' } });
    expect(echoed.body.errors?.length).toBeGreaterThan(0);
    expect(requests.length).toBeGreaterThan(0);

    const all = logs.text() + mock.text();
    expect(all.length).toBeGreaterThan(1000); // trace level really wrote things
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});
