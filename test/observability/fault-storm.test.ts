/**
 * 30 s of mixed ECGrid faults under concurrent queries: no request outlives the contract's bound,
 * and once ECGrid is back nothing is stuck (breaker, retry and call budgets, coalescing, cache, heap).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import type { FaultRule } from '../../src/simulator/faults.js';
import { MemoryCacheStore, ResponseCache } from '../../src/upstream/sharing/cache.js';
import { UpstreamSharing } from '../../src/upstream/sharing/sharing.js';
import { ACME, GLOBEX, INITECH, type Stack, startStack, urlOf } from '../helpers/index.js';

const STORM_MS = 30_000;
const PHASE_MS = 2_000;
const CLIENTS = 8;
/** The contract's bound of one GraphQL request (REQUEST_TIMEOUT_MS's default). */
const REQUEST_BOUND_MS = 15_000;
/** Room for this loaded 2-core test process to write the answer after the bound. */
const SLACK_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// vitest runs this file in a forked worker without --expose-gc; the flag set at run time gives
// `gc` to contexts created afterwards, so a fresh vm context hands out a working gc().
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * The heap's data after GC: without code space, which grows as V8 compiles hot functions (bounded
 * by the code, not by the requests served).
 */
function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  const code = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'code_space')?.space_used_size ?? 0;
  return process.memoryUsage().heapUsed - code;
}

const OUTAGE: readonly FaultRule[] = [{ fault: { kind: 'status', status: 503 } }];
const LISTS = '/v2/interchanges/';
/**
 * Each phase replaces the faults of the one before; an empty one is a healthy moment. Hangs are
 * few (`times`), so that the clients keep meeting the other faults rather than all waiting.
 */
const PHASES: readonly (readonly FaultRule[])[] = [
  OUTAGE,
  [{ fault: { kind: 'malformed' } }],
  [{ times: 3, fault: { kind: 'hang' } }, { fault: { kind: 'reset' } }],
  [],
  [{ path: '/v2/reports', fault: { kind: 'rateLimit', retryAfter: '1' } }, { path: LISTS, fault: { kind: 'malformed', status: 502 } }],
  [{ fault: { kind: 'rateLimit', retryAfter: '30' } }],
  [{ times: 3, fault: { kind: 'hang' } }, { fault: { kind: 'status', status: 502 } }],
  [],
  [{ times: 4, fault: { kind: 'reset' } }, { fault: { kind: 'latency', ms: 700 } }],
  [{ path: '/v2/reports', times: 2, fault: { kind: 'hang' } }, { fault: { kind: 'malformed', body: '{"success":tru' } }],
];

const CREDENTIALS = [ACME, GLOBEX, INITECH];

let stack: Stack;
afterAll(() => stack?.close());

async function post(query: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await fetch(await urlOf(stack.app), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
    // Far past the bound: a request that gets here has hung, and the assertion on durations says so.
    signal: AbortSignal.timeout(REQUEST_BOUND_MS + 5_000),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { ms: performance.now() - started, status: response.status, codes: (body.errors ?? []).map((error) => error.extensions?.code ?? '?') };
}

async function get(path: string) {
  const started = performance.now();
  const response = await fetch(new URL(path, await urlOf(stack.app)));
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

it('survives 30 s of mixed faults under concurrent queries, and heals with no restart', async () => {
  const sharing = new UpstreamSharing({
    coalesce: true,
    cache: new ResponseCache(new MemoryCacheStore({ maxEntries: 1_000 }), { stats: 300, list: 300, interchange: 300, reference: 0 }),
  });
  const states: string[] = [];
  // Short attempt timeouts, so that a hang costs the clients a moment and not whole phases.
  stack = await startStack({
    config: { READINESS_REQUIRES_UPSTREAM: true, ECGRID_BREAKER_COOLDOWN_MS: 500, ECGRID_ATTEMPT_TIMEOUT_MS: 1_500, ECGRID_TIMEOUT_MS: 6_000 },
    simulator: { maxRecordedCalls: 200 },
    hooks: { onBreakerStateChange: (state) => states.push(state) },
    app: { sharing },
  });
  const interchangeId = stack.simulator.list(1001, 'inbox')[0]!.interchangeId;
  const queries = [
    '{ mailboxStats { sent received } }',
    '{ inbox(first: 5) { edges { node { interchangeId } } } }',
    `{ interchange(interchangeId: ${interchangeId}) { interchangeId } }`,
    '{ mailboxStats { sent } outbox(first: 3) { edges { node { interchangeId } } } }',
  ];
  const healthyRound = async () => {
    for (const query of queries) {
      for (const credential of CREDENTIALS) {
        const { status, codes } = await post(query, credential);
        expect({ query, status, codes }).toEqual({ query, status: 200, codes: [] });
      }
    }
  };
  // Warm up before the heap baseline: connections, caches, and graphql-jit, which compiles an operation at its 10th run.
  for (let round = 0; round < 4; round += 1) await healthyRound();
  // Then as many at once as the storm sends, so that the sockets between the clients, this server
  // and ECGrid stand as they will during the storm.
  await Promise.all(Array.from({ length: CLIENTS }, () => healthyRound()));
  expect((await get('/ready')).status).toBe(200);
  const heapBefore = heapAfterGc();

  const results: Awaited<ReturnType<typeof post>>[] = [];
  const probes: { path: string; status: number; ms: number }[] = [];
  const stormEnd = performance.now() + STORM_MS;
  const client = async (n: number) => {
    for (let i = n; performance.now() < stormEnd; i += 1) {
      results.push(await post(queries[i % queries.length]!, CREDENTIALS[Math.floor(i / queries.length) % CREDENTIALS.length]!));
    }
  };
  const prober = async () => {
    while (performance.now() < stormEnd) {
      for (const path of ['/ready', '/health']) probes.push({ path, ...(await get(path)) });
      await sleep(1_000);
    }
  };
  const faults = async () => {
    for (let phase = 0; performance.now() < stormEnd; phase += 1) {
      stack.simulator.faults.clear();
      // The storm ends in an outage, so that the breaker is open when ECGrid comes back.
      const rules = stormEnd - performance.now() <= 2 * PHASE_MS ? OUTAGE : PHASES[phase % PHASES.length]!;
      for (const rule of rules) stack.simulator.injectFault(rule);
      await sleep(Math.min(PHASE_MS, Math.max(0, stormEnd - performance.now())));
    }
    stack.simulator.faults.clear();
  };
  await Promise.all([faults(), prober(), ...Array.from({ length: CLIENTS }, (_, n) => client(n))]);
  const drainedMs = performance.now() - stormEnd;

  // During the storm: every request answered within the bound with a coded error or data.
  const slowest = Math.max(...results.map((result) => result.ms));
  const codes = new Map<string, number>();
  for (const code of results.flatMap((result) => (result.codes.length > 0 ? result.codes : ['data']))) codes.set(code, (codes.get(code) ?? 0) + 1);
  console.info(
    `storm: ${results.length} requests, slowest ${Math.round(slowest)} ms, ${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}; breaker ${states.join('→')}; drained in ${Math.round(drainedMs)} ms`,
  );
  expect(results.length).toBeGreaterThan(100);
  expect(slowest).toBeLessThan(REQUEST_BOUND_MS + SLACK_MS);
  expect(results.every((result) => result.status === 200)).toBe(true);
  expect(codes.has('INTERNAL_SERVER_ERROR')).toBe(false);
  // The faults reached the clients, not only the breaker.
  expect([...codes.keys()]).toEqual(expect.arrayContaining(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_BAD_RESPONSE', 'UPSTREAM_RATE_LIMITED', 'data']));
  expect(states).toContain('open');
  // Liveness never depends on ECGrid; readiness answers within its probe bound (2 s).
  expect(probes.filter((probe) => probe.path === '/health').every((probe) => probe.status === 200 && probe.ms < 500)).toBe(true);
  expect(Math.max(...probes.filter((probe) => probe.path === '/ready').map((probe) => probe.ms))).toBeLessThan(2_000 + SLACK_MS);

  // ECGrid is back: probes alone make the instance ready again, then every query works at once.
  const recovered = performance.now();
  let ready = await get('/ready');
  while (ready.status !== 200 && performance.now() - recovered < 6_000) {
    await sleep(500);
    ready = await get('/ready');
  }
  expect(ready.status).toBe(200);
  expect(stack.app.upstream.breaker.state).toBe('closed');
  await sleep(400); // past the cache TTL: the next answers come from ECGrid, not from before the storm
  const started = performance.now();
  await healthyRound();
  expect(performance.now() - started).toBeLessThan(3_000);
  expect(stack.app.upstream.budget.tokens).toBeGreaterThan(0);

  results.length = 0;
  probes.length = 0;
  // The storm opened up to `connections` upstream sockets, each with its buffers: bounded by the
  // pool's size, not a leak. Closed here (the stack's own close then finds it closed).
  const pool = stack.dispatcher;
  await pool.close();
  stack = { ...stack, close: () => stack.simulator.close() };
  const heapAfter = heapAfterGc();
  console.info(`heap after GC: ${(heapBefore / 2 ** 20).toFixed(1)} MB before the storm, ${(heapAfter / 2 ** 20).toFixed(1)} MB after`);
  expect(heapAfter - heapBefore).toBeLessThan(Math.max(8 * 2 ** 20, heapBefore * 0.2));
}, 60_000);
