import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readiness } from '../../src/observability/readiness.js';
import { ACME, gql, startStack, type Stack } from '../helpers/index.js';

const versionCalls = (stack: Stack) => stack.simulator.calls.filter((call) => call.path === '/v2/auth/version').length;

async function ready(stack: Stack) {
  const response = await stack.app.fetch('http://localhost/ready');
  return { status: response.status, body: (await response.json()) as Record<string, any>, headers: response.headers };
}

describe('GET /ready and GET /health', () => {
  let stack: Stack;
  let breakerOpen = false;
  let draining = false;

  beforeAll(async () => {
    // These tests are about the upstream-dependent readiness, which is not the default (readiness-fleet.test.ts).
    stack = await startStack({ config: { READINESS_REQUIRES_UPSTREAM: true }, app: { breakerOpen: () => breakerOpen, draining: () => draining } });
  });
  afterAll(() => stack.close());

  it('is ready when ECGrid answers GET /v2/auth/version (unauthenticated)', async () => {
    stack.simulator.resetCalls();
    const { status, body, headers } = await ready(stack);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({
      status: 'ready',
      ready: true,
      checks: { config: 'ok', upstream: 'ok', breaker: 'closed', shutdown: 'no' },
      upstreamVersion: '2.6',
    });
    expect(stack.simulator.calls).toHaveLength(1);
    expect(stack.simulator.calls[0]).toMatchObject({ method: 'GET', path: '/v2/auth/version', apiKey: undefined, authorization: undefined });
  });

  it('stays cheap: probes within 2 s share one upstream answer, concurrent probes one call', async () => {
    stack.simulator.resetCalls();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const answers = await Promise.all(Array.from({ length: 20 }, () => ready(stack)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    for (let i = 0; i < 5; i++) expect((await ready(stack)).status).toBe(200);
    expect(versionCalls(stack)).toBe(1);
  });

  it('is not ready while ECGrid fails, and ready again once it answers; /health stays 200', async () => {
    const readiness = new Readiness({
      upstreamVersion: () => fetchVersion(stack),
      cacheMs: 0,
    });
    stack.simulator.faults.add({ path: '/v2/auth/version', times: 1, fault: { kind: 'status', status: 503 } });
    expect(await readiness.check()).toMatchObject({ ready: false, checks: { upstream: 'unreachable' }, upstreamError: 'UNAVAILABLE' });
    expect(await readiness.check()).toMatchObject({ ready: true, checks: { upstream: 'ok' } });

    // Through the app: an upstream that keeps resetting the connection (retries included) makes
    // /ready 503; /health stays 200.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    stack.simulator.faults.add({ path: '/v2/auth/version', fault: { kind: 'reset' } });
    const down = await ready(stack).finally(() => stack.simulator.faults.clear());
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'not ready', ready: false, checks: { upstream: 'unreachable' } });
    expect((await stack.app.fetch('http://localhost/health')).status).toBe(200);
  });

  it('is not ready while the circuit breaker is open, without calling ECGrid', async () => {
    stack.simulator.resetCalls();
    breakerOpen = true;
    try {
      const { status, body } = await ready(stack);
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, checks: { breaker: 'open', upstream: 'not checked' } });
      expect(versionCalls(stack)).toBe(0);
    } finally {
      breakerOpen = false;
    }
  });

  it("follows the app's own circuit breaker when no breakerOpen is given", async () => {
    const breaking = await startStack({
      config: { READINESS_REQUIRES_UPSTREAM: true, ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 2, ECGRID_BREAKER_COOLDOWN_MS: 60_000 },
    });
    try {
      expect((await ready(breaking)).status).toBe(200);
      breaking.simulator.faults.add({ path: '/v2/reports', fault: { kind: 'status', status: 503 } });
      for (let i = 0; i < 2; i++) await gql(breaking.app, '{ mailboxStats { sent } }', { headers: ACME });
      expect(breaking.app.upstream.breaker.state).toBe('open');
      const { status, body } = await ready(breaking);
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, checks: { breaker: 'open', upstream: 'not checked' } });
    } finally {
      breaking.simulator.faults.clear();
      await breaking.close();
    }
  });

  it('is not ready once shutdown has begun, while /health still answers 200', async () => {
    draining = true;
    try {
      const { status, body } = await ready(stack);
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, checks: { shutdown: 'draining' } });
      expect((await stack.app.fetch('http://localhost/health')).status).toBe(200);
    } finally {
      draining = false;
    }
  });

  it('answers an unreachable ECGrid within the probe bound (2 s), not the request timeout', async () => {
    const hanging = await startStack({ config: { READINESS_REQUIRES_UPSTREAM: true, ECGRID_ATTEMPT_TIMEOUT_MS: 20_000, ECGRID_TIMEOUT_MS: 25_000 } });
    try {
      hanging.simulator.faults.add({ path: '/v2/auth/version', fault: { kind: 'hang' } });
      const started = performance.now();
      const { status, body } = await ready(hanging);
      const ms = performance.now() - started;
      expect(status).toBe(503);
      expect(body).toMatchObject({ checks: { upstream: 'unreachable' }, upstreamError: 'UNAVAILABLE' });
      expect(ms).toBeGreaterThan(1_500);
      expect(ms).toBeLessThan(5_000);
    } finally {
      hanging.simulator.faults.clear();
      await hanging.close();
    }
  });
});

async function fetchVersion(stack: Stack): Promise<{ version: string }> {
  const { EcgridClient } = await import('../../src/upstream/client.js');
  const { apiVersion } = await import('../../src/upstream/endpoints/auth.js');
  return new EcgridClient({
    baseUrl: stack.simulator.url,
    dispatcher: stack.dispatcher,
    credential: undefined,
    attemptTimeoutMs: 1_000,
    deadlineMs: 1_000,
  }).call(apiVersion, undefined);
}
