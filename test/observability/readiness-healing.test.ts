/** After an ECGrid outage, readiness probes alone heal the circuit breaker and /ready: no GraphQL traffic needed, one upstream check at a time. */
import { afterEach, describe, expect, it } from 'vitest';
import { ACME, GLOBEX, gql, type Stack, startStack, getPath, getReady } from '../helpers/index.js';

const STATS = '{ mailboxStats { sent received } }';
const VERSION_PATH = '/v2/auth/version';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** GET on the app's node:http listener; `body` is the text. */
const get = async (path: string) => {
  const { status, text, ms } = await getPath(stack!.app, path);
  return { status, body: text, ms };
};
const ready = () => getReady(stack!.app);

/** One sample of /metrics whose line starts with `name{` and contains every label given. */
async function metric(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const { body } = await get('/metrics');
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = body.split('\n').find((each) => each.startsWith(`${name}{`) && wanted.every((label) => each.includes(label)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const versionCalls = () => stack!.simulator.calls.filter((call) => call.path === VERSION_PATH).length;

/** Sends failing queries (every path answers 503) until the breaker opens. */
async function openBreaker(failures: number) {
  stack!.simulator.injectFault({ fault: { kind: 'status', status: 503 } });
  for (let i = 0; i < failures; i += 1) {
    const { body } = await gql(stack!.app, STATS, { headers: ACME });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
  }
  expect(stack!.app.upstream.breaker.state).toBe('open');
}

describe('readiness heals after an ECGrid outage', () => {
  it('turns /ready 200 within 20 s of recovery with default settings, from probes alone, then queries succeed', async () => {
    stack = await startStack({ config: { READINESS_REQUIRES_UPSTREAM: true } });
    expect((await ready()).status).toBe(200);
    await openBreaker(5);
    expect((await ready()).body).toMatchObject({ ready: false, checks: { breaker: 'open' } });

    stack.simulator.faults.clear();
    stack.simulator.resetCalls();
    const recovered = performance.now();
    let answer = await ready();
    // A kubelet's probe period is 1 to 5 s; this one probes every 3 s.
    while (answer.status !== 200 && performance.now() - recovered < 20_000) {
      await sleep(3_000);
      answer = await ready();
    }
    const healedMs = performance.now() - recovered;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ready: true, checks: { breaker: 'closed', upstream: 'ok' } });
    expect(healedMs).toBeLessThan(20_000);
    // Nothing but probes reached ECGrid meanwhile.
    expect(stack.simulator.calls.every((call) => call.path === VERSION_PATH)).toBe(true);

    const { body } = await gql(stack.app, STATS, { headers: ACME });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['mailboxStats'].sent).toBe(stack.simulator.stats(1001).sent);
    console.info(`/ready healed ${(healedMs / 1000).toFixed(1)} s after ECGrid recovered, from probes alone`);
  }, 40_000);

  it('lets 50 concurrent probes make one upstream check once the cooldown is over: none before, one trial after', async () => {
    stack = await startStack({
      config: { READINESS_REQUIRES_UPSTREAM: true, ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 2, ECGRID_BREAKER_COOLDOWN_MS: 1_000 },
    });
    await openBreaker(2);
    stack.simulator.resetCalls();
    const probes = () => Promise.all(Array.from({ length: 50 }, () => ready()));

    // Cooling down: no probe touches ECGrid.
    const cooling = await probes();
    expect(cooling.every((answer) => answer.status === 503 && answer.body['checks'].upstream === 'not checked')).toBe(true);
    expect(versionCalls()).toBe(0);

    // Cooldown over, ECGrid still failing: one trial, which fails and opens the breaker again.
    await sleep(1_100);
    const failing = await probes();
    expect(versionCalls()).toBe(1);
    expect(failing.every((answer) => answer.status === 503)).toBe(true);
    expect(stack.app.upstream.breaker.state).toBe('open');
    await probes();
    expect(versionCalls()).toBe(1);

    // ECGrid back (and slow, so that the probes overlap the trial): one trial, which closes it.
    stack.simulator.faults.clear();
    stack.simulator.injectFault({ path: VERSION_PATH, fault: { kind: 'latency', ms: 300 } });
    await sleep(2_100);
    const healed = await probes();
    expect(versionCalls()).toBe(2);
    expect(healed.every((answer) => answer.status === 200)).toBe(true);
    expect(stack.app.upstream.breaker.state).toBe('closed');
    expect(stack.simulator.calls.every((call) => call.path === VERSION_PATH)).toBe(true);
  }, 20_000);

  it('shows it in metrics: the breaker gauge goes open, half-open, closed; a counter of probes that touched ECGrid', async () => {
    stack = await startStack({
      config: { READINESS_REQUIRES_UPSTREAM: true, ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 2, ECGRID_BREAKER_COOLDOWN_MS: 300 },
    });
    const state = (name: string) => metric('ecgrid_upstream_breaker_state', { state: name });
    const checks = (kind: string, result: string) => metric('ecgrid_readiness_upstream_checks_total', { kind, result });
    expect((await ready()).status).toBe(200);
    expect(await checks('check', 'ok')).toBe(1);
    await openBreaker(2);
    expect(await state('open')).toBe(1);

    stack.simulator.faults.clear();
    stack.simulator.injectFault({ path: VERSION_PATH, fault: { kind: 'latency', ms: 500 } });
    await sleep(2_100);
    const probe = ready();
    await sleep(200);
    expect(await state('half-open')).toBe(1);
    expect(await state('open')).toBe(0);
    expect((await probe).status).toBe(200);
    expect(await state('closed')).toBe(1);
    expect(await state('half-open')).toBe(0);
    expect(await checks('trial', 'ok')).toBe(1);
    expect(await checks('check', 'ok')).toBe(1);
  }, 20_000);

  it('never makes a request wait behind a half-open trial: other requests fail fast while it runs', async () => {
    stack = await startStack({
      config: {
        ECGRID_MAX_RETRIES: 0,
        ECGRID_BREAKER_FAILURES: 2,
        ECGRID_BREAKER_COOLDOWN_MS: 300,
        ECGRID_ATTEMPT_TIMEOUT_MS: 2_000,
        ECGRID_TIMEOUT_MS: 2_000,
      },
    });
    await openBreaker(2);
    stack.simulator.faults.clear();
    stack.simulator.injectFault({ fault: { kind: 'hang' }, times: 1 });
    await sleep(400);
    const trial = gql(stack.app, STATS, { headers: ACME });
    await sleep(100);
    const started = performance.now();
    const other = await gql(stack.app, STATS, { headers: GLOBEX });
    const otherMs = performance.now() - started;
    expect(other.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(otherMs).toBeLessThan(500);
    expect((await trial).body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
  }, 20_000);
});
