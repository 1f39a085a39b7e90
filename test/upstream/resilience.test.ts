import { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/observability/logger.js';
import { RetryBudget } from '../../src/upstream/transport/retry-policy.js';
import { ACME, gql, MOCK_ORIGIN, mockUpstream, recorder, type Stack, startStack, testConfig } from '../helpers/index.js';

const STATS = '{ mailboxStats { sent received } }';
const STATS_PATH = '/v2/reports/mailbox-interchange-stats';
const LIST_PATH = '/v2/interchanges/inbox-list';
const ok = { success: true, data: { sent: 1, received: 2, totalBytes: 3, period: '2026-11' } };

describe('retries against the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: { ECGRID_ATTEMPT_TIMEOUT_MS: 300, ECGRID_TIMEOUT_MS: 1_500, ECGRID_RETRY_BASE_MS: 20 } });
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.simulator.faults.clear();
    stack.simulator.resetCalls();
  });

  const counted = async (query: string) => {
    stack.simulator.resetCalls();
    const started = performance.now();
    const { body } = await gql(stack.app, query, { headers: ACME });
    return { body, calls: stack.simulator.callCount, ms: performance.now() - started };
  };

  it('hides one 500 from the client: retried, data returned', async () => {
    stack.simulator.injectFault({ path: STATS_PATH, times: 1, fault: { kind: 'status', status: 500 } });
    const { body, calls } = await counted(STATS);
    expect(body.errors).toBeUndefined();
    expect(body.data?.['mailboxStats'].sent).toBe(stack.simulator.stats(1001).sent);
    expect(calls).toBe(2);
  });

  it('hides one reset and one 503 on a list POST (a read): retried, page returned', async () => {
    stack.simulator.injectFault({ path: LIST_PATH, times: 1, fault: { kind: 'reset' } });
    stack.simulator.injectFault({ path: LIST_PATH, times: 1, fault: { kind: 'status', status: 503 } });
    const { body, calls } = await counted('{ inbox(first: 2) { edges { node { interchangeId } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.['inbox'].edges).toHaveLength(2);
    expect(calls).toBe(3);
  });

  it('hides one hanging attempt: the attempt times out and the retry answers', async () => {
    stack.simulator.injectFault({ path: STATS_PATH, times: 1, fault: { kind: 'hang' } });
    const { body, calls, ms } = await counted(STATS);
    expect(body.errors).toBeUndefined();
    expect(calls).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(280);
  });

  it('gives up on a persistent 500 after the retries, in bounded time', async () => {
    stack.simulator.injectFault({ path: STATS_PATH, fault: { kind: 'status', status: 500 } });
    const { body, calls, ms } = await counted(STATS);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 });
    expect(calls).toBe(3);
    expect(ms).toBeLessThan(1_500);
  });

  it('answers a persistent hang with UPSTREAM_UNAVAILABLE at the deadline', async () => {
    stack.simulator.injectFault({ path: STATS_PATH, fault: { kind: 'hang' } });
    const { body, ms } = await counted(STATS);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(ms).toBeLessThan(1_500 + 500);
  });

  it('stops waiting out a Retry-After when the deadline passes, and makes no further call', async () => {
    // 2 s is within the Retry-After cap (2 s) but past this stack's deadline (1.5 s).
    stack.simulator.injectFault({ path: STATS_PATH, times: 1, fault: { kind: 'rateLimit', retryAfter: '2' } });
    const { body, calls, ms } = await counted(STATS);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 2 });
    expect(calls).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(ms).toBeLessThan(1_950);
  });

  it('waits out a short Retry-After on 429, and fails fast with retryAfter on a long one', async () => {
    stack.simulator.injectFault({ path: STATS_PATH, times: 1, fault: { kind: 'rateLimit', retryAfter: '1' } });
    const short = await counted(STATS);
    expect(short.body.errors).toBeUndefined();
    expect(short.calls).toBe(2);
    expect(short.ms).toBeGreaterThanOrEqual(950);

    stack.simulator.injectFault({ path: STATS_PATH, times: 1, fault: { kind: 'rateLimit', retryAfter: '120' } });
    const long = await counted(STATS);
    expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 120 });
    expect(long.calls).toBe(1);
    expect(long.ms).toBeLessThan(500);
  });

  it.each([
    [400, 'UPSTREAM_ERROR'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'UPSTREAM_ERROR'],
  ])('never retries %i', async (status, code) => {
    stack.simulator.injectFault({ path: STATS_PATH, fault: { kind: 'status', status } });
    const { body, calls } = await counted(STATS);
    expect(body.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(calls).toBe(1);
  });

  it('treats a 404 lookup as null, not an error, without retrying', async () => {
    const { body, calls } = await counted('{ interchange(interchangeId: 42) { id } }');
    expect(body).toEqual({ data: { interchange: null } });
    expect(calls).toBe(1);
  });
});

describe('the circuit breaker', () => {
  it('opens after consecutive transient failures, fails fast while open, probes, and closes', async () => {
    const { app, pool, requests } = mockUpstream({ config: { ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 3, ECGRID_BREAKER_COOLDOWN_MS: 300 } });
    const states: string[] = [];
    const failing = pool.intercept({ path: STATS_PATH, method: 'GET' }).reply(recorder(requests, 503, '')).times(3);
    void failing;
    for (let i = 0; i < 3; i += 1) {
      const { body } = await gql(app, STATS, { headers: { 'x-api-key': 'k' } });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    }
    expect(app.upstream.breaker.state).toBe('open');
    states.push(app.upstream.breaker.state);

    const started = performance.now();
    const { body: fast } = await gql(app, STATS, { headers: { 'x-api-key': 'other-tenant' } });
    const fastMs = performance.now() - started;
    expect(fast.errors?.[0]).toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(fast.errors?.[0]?.message).toContain('circuit open');
    expect(requests).toHaveLength(3);
    expect(fastMs).toBeLessThan(100);

    await new Promise((resolve) => setTimeout(resolve, 350));
    pool.intercept({ path: STATS_PATH, method: 'GET' }).reply(recorder(requests, 200, ok)).persist();
    const { body: probe } = await gql(app, STATS, { headers: { 'x-api-key': 'k' } });
    expect(probe.errors).toBeUndefined();
    expect(requests).toHaveLength(4);
    expect(app.upstream.breaker.state).toBe('closed');
    console.info(`breaker open: a request was answered in ${fastMs.toFixed(1)} ms with no upstream call`);
  });

  it("is never opened by one caller's 401s or 429s", async () => {
    const { app, pool, requests } = mockUpstream({ config: { ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 2, ECGRID_BREAKER_COOLDOWN_MS: 10_000 } });
    pool
      .intercept({ path: STATS_PATH, method: 'GET' })
      .reply(recorder(requests, 401, { success: false, data: null, errorCode: 'InvalidAPIKey', message: 'no' }))
      .times(5);
    pool
      .intercept({ path: STATS_PATH, method: 'GET' })
      .reply(recorder(requests, 429, { success: false, data: null, errorCode: 'RateLimitExceeded', message: 'no' }, { 'retry-after': '30' }))
      .times(5);
    for (let i = 0; i < 10; i += 1) await gql(app, STATS, { headers: { 'x-api-key': 'bad' } });
    expect(app.upstream.breaker.state).toBe('closed');
    pool.intercept({ path: STATS_PATH, method: 'GET' }).reply(recorder(requests, 200, ok));
    const { body } = await gql(app, STATS, { headers: { 'x-api-key': 'good' } });
    expect(body.errors).toBeUndefined();
    expect(requests).toHaveLength(11);
  });
});

describe('the retry budget', () => {
  it('keeps retries a small share of the traffic while ECGrid keeps failing', async () => {
    const { app, pool, requests } = mockUpstream({ config: { ECGRID_MAX_RETRIES: 2, ECGRID_RETRY_BASE_MS: 1, ECGRID_BREAKER_FAILURES: 1_000 } });
    pool.intercept({ path: STATS_PATH, method: 'GET' }).reply(recorder(requests, 500, '')).persist();
    const queries = 60;
    for (let i = 0; i < queries; i += 1) await gql(app, STATS, { headers: { 'x-api-key': 'k' } });
    const retries = requests.length - queries;
    // 20 tokens to start, 0.2 per request, about 1 a second: far fewer than 2 per request.
    expect(retries).toBeLessThanOrEqual(20 + 0.2 * queries + 5);
    expect(retries).toBeGreaterThan(0);
  });

  it('refills with traffic and time', () => {
    let now = 0;
    const budget = new RetryBudget(0.5, 2, 1, () => now);
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);
    budget.recordRequest();
    budget.recordRequest();
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);
    now += 1_000;
    expect(budget.tryWithdraw()).toBe(true);
  });
});

class ExplodingDispatcher extends Dispatcher {
  override dispatch(): boolean {
    throw new TypeError("Cannot read properties of undefined (reading 'x') near secret-key-777");
  }
}

describe('unexpected errors', () => {
  it('are masked as INTERNAL_SERVER_ERROR with no message, stack or credential, even with NODE_ENV=development', async () => {
    const previous = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'development';
    try {
      const app = createApp({
        config: testConfig({ ECGRID_ATTEMPT_TIMEOUT_MS: 100, ECGRID_TIMEOUT_MS: 200 }),
        baseUrl: MOCK_ORIGIN,
        dispatcher: new ExplodingDispatcher(),
        logger: createLogger('silent'),
      });
      const { body } = await gql(app, STATS, { headers: { 'x-api-key': 'secret-key-777' } });
      expect(body.errors).toEqual([
        { message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['mailboxStats'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
    } finally {
      if (previous === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = previous;
    }
  });
});

describe('after all of the faults', () => {
  it('the server still answers a normal query and /health', async () => {
    const stack = await startStack({ config: { ECGRID_ATTEMPT_TIMEOUT_MS: 200, ECGRID_TIMEOUT_MS: 500, ECGRID_RETRY_BASE_MS: 5 } });
    try {
      for (const fault of [
        { kind: 'hang' as const },
        { kind: 'reset' as const },
        { kind: 'malformed' as const },
        { kind: 'status' as const, status: 502 },
        { kind: 'rateLimit' as const, retryAfter: '100' },
      ]) {
        stack.simulator.injectFault({ times: 4, fault });
        await gql(stack.app, `${STATS.slice(0, -1)} inbox(first: 3) { totalCount } }`, { headers: ACME });
        stack.simulator.faults.clear();
      }
      const { body } = await gql(stack.app, STATS, { headers: ACME });
      expect(body.errors).toBeUndefined();
      const health = await stack.app.fetch('http://localhost/health');
      expect(health.status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});
