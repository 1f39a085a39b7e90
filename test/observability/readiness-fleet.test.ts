/** READINESS_REQUIRES_UPSTREAM: by default /ready does not follow ECGrid, so one outage cannot empty the whole fleet; `true` makes it. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ACME, gql, type Stack, startStack, getPath, getReady } from '../helpers/index.js';

const STATS = '{ mailboxStats { sent received } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const get = (path: string) => getPath(stack!.app, path);
const ready = () => getReady(stack!.app);

describe('READINESS_REQUIRES_UPSTREAM', () => {
  it('defaults to false and accepts the usual boolean spellings', () => {
    expect(loadConfig({}).READINESS_REQUIRES_UPSTREAM).toBe(false);
    expect(loadConfig({ READINESS_REQUIRES_UPSTREAM: 'true' }).READINESS_REQUIRES_UPSTREAM).toBe(true);
    expect(loadConfig({ READINESS_REQUIRES_UPSTREAM: 'off' }).READINESS_REQUIRES_UPSTREAM).toBe(false);
    expect(() => loadConfig({ READINESS_REQUIRES_UPSTREAM: 'maybe' })).toThrow(/READINESS_REQUIRES_UPSTREAM/);
  });

  it('false (default): /ready stays 200 through an outage, at once, with ECGrid in its report; queries fail fast with UPSTREAM_UNAVAILABLE', async () => {
    stack = await startStack({ config: { ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 2, ECGRID_BREAKER_COOLDOWN_MS: 60_000 } });
    stack.simulator.injectFault({ fault: { kind: 'status', status: 503 } });
    for (let i = 0; i < 2; i += 1) await gql(stack.app, STATS, { headers: ACME });
    expect(stack.app.upstream.breaker.state).toBe('open');

    const first = await ready();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'ready', ready: true, checks: { breaker: 'open', shutdown: 'no' } });
    expect((await get('/health')).status).toBe(200);

    const started = performance.now();
    const { body } = await gql(stack.app, STATS, { headers: ACME });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('false: a probe never waits for ECGrid, even when it hangs, and reports what it last saw', async () => {
    stack = await startStack({ config: { ECGRID_MAX_RETRIES: 0 } });
    stack.simulator.injectFault({ path: '/v2/auth/version', fault: { kind: 'hang' } });
    const first = await ready();
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(500);
    // The check the first probe started ends within its 2 s bound; a later probe reports it.
    await sleep(2_700);
    const later = await ready();
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ ready: true, checks: { upstream: 'unreachable' }, upstreamError: 'UNAVAILABLE' });
    expect(later.ms).toBeLessThan(500);
  }, 15_000);

  it('false: probes still heal the breaker after an outage, with no GraphQL request', async () => {
    stack = await startStack({ config: { ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 2, ECGRID_BREAKER_COOLDOWN_MS: 500 } });
    stack.simulator.injectFault({ fault: { kind: 'status', status: 503 } });
    for (let i = 0; i < 2; i += 1) await gql(stack.app, STATS, { headers: ACME });
    expect(stack.app.upstream.breaker.state).toBe('open');
    stack.simulator.faults.clear();
    const recovered = performance.now();
    while (stack.app.upstream.breaker.state !== 'closed' && performance.now() - recovered < 8_000) {
      expect((await ready()).status).toBe(200);
      await sleep(1_000);
    }
    expect(stack.app.upstream.breaker.state).toBe('closed');
    const { body } = await gql(stack.app, STATS, { headers: ACME });
    expect(body.errors).toBeUndefined();
  }, 15_000);

  it('true: /ready follows ECGrid (503 while it fails), and /health never does', async () => {
    stack = await startStack({ config: { READINESS_REQUIRES_UPSTREAM: true, ECGRID_MAX_RETRIES: 0 } });
    stack.simulator.injectFault({ path: '/v2/auth/version', fault: { kind: 'status', status: 503 } });
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ready: false, checks: { upstream: 'unreachable' } });
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(stack.simulator.calls.filter((call) => call.path === '/v2/auth/version')).toHaveLength(1);
  });
});
