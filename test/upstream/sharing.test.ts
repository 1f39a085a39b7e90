import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CacheStore, type CachedAnswer, MemoryCacheStore, NO_CACHE, ResponseCache, type CacheTtls } from '../../src/upstream/sharing/cache.js';
import { CallCoalescer } from '../../src/upstream/sharing/coalescing.js';
import { CredentialKeyer } from '../../src/upstream/sharing/credential-key.js';
import { UpstreamSharing } from '../../src/upstream/sharing/sharing.js';
import { ACME, GLOBEX, gql, startStack, type Stack, TestClock } from '../helpers/index.js';

const STATS = '{ mailboxStats { sent received totalBytes period } }';
const STATS_AND_INBOX =
  '{ mailboxStats { sent received totalBytes period } inbox(first: 3) { totalCount edges { node { interchangeId receiver } } } }';
const statsPath = '/v2/reports/mailbox-interchange-stats';

const callsTo = (stack: Stack, path: string, apiKey?: string) =>
  stack.simulator.calls.filter((c) => c.path === path && (apiKey === undefined || c.apiKey === apiKey)).length;

describe('coalescing of concurrent identical upstream calls', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Latency keeps the calls in flight long enough to overlap.
    stack = await startStack({ simulator: { latencyMs: 40 } });
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.simulator.faults.clear();
    stack.simulator.resetCalls();
  });

  it('answers 50 concurrent identical queries of one credential with one upstream call', async () => {
    const joinedBefore = stack.app.sharing!.coalescedCount;
    // Sending 50 requests over a port took 300 ms on a loaded machine: the one call is held 1 s more
    // so that all of them arrive while it is in flight.
    stack.simulator.faults.add({ path: statsPath, fault: { kind: 'latency', ms: 1_000 } });
    const answers = await Promise.all(Array.from({ length: 50 }, () => gql(stack.app, STATS, { headers: ACME })));
    const expected = stack.simulator.stats(1001);
    for (const { body } of answers) {
      expect(body.errors).toBeUndefined();
      expect(body.data?.['mailboxStats']).toEqual(expected);
    }
    expect(callsTo(stack, statsPath)).toBe(1);
    expect(stack.app.sharing!.coalescedCount - joinedBefore).toBe(49);
  });

  it('reports each joined call to onSharedCall (for metrics)', async () => {
    const events: string[] = [];
    const own = await startStack({ simulator: { latencyMs: 20 }, hooks: { onSharedCall: (event, endpoint) => events.push(`${event} ${endpoint}`) } });
    try {
      await Promise.all(Array.from({ length: 3 }, () => gql(own.app, STATS, { headers: ACME })));
      expect(events).toEqual(['coalesced /v2/reports/mailbox-interchange-stats', 'coalesced /v2/reports/mailbox-interchange-stats']);
    } finally {
      await own.close();
    }
  });

  it('feeds the Prometheus counters of coalesced calls and cache lookups', async () => {
    const sharing = new UpstreamSharing({ coalesce: true, cache: new ResponseCache(new MemoryCacheStore({ maxEntries: 10 }), { stats: 60_000, list: 0, interchange: 0, reference: 0 }) });
    const own = await startStack({ simulator: { latencyMs: 20 }, app: { sharing } });
    try {
      await Promise.all(Array.from({ length: 4 }, () => gql(own.app, STATS, { headers: ACME })));
      await gql(own.app, STATS, { headers: ACME });
      const text = await (await own.app.fetch('http://localhost/metrics')).text();
      const sample = (name: string) => Number(new RegExp(`^${name.replace(/[{}()[\]/.]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
      const route = '/v2/reports/mailbox-interchange-stats';
      expect(sample(`ecgrid_upstream_coalesced_total{endpoint="${route}"}`)).toBe(3);
      expect(sample(`ecgrid_upstream_cache_lookups_total{endpoint="${route}",result="miss"}`)).toBe(1);
      expect(sample(`ecgrid_upstream_cache_lookups_total{endpoint="${route}",result="hit"}`)).toBe(1);
      expect(callsTo(own, statsPath)).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('never shares between credentials: two credentials, same request, at the same time', async () => {
    const callers = [
      [ACME, 1001],
      [GLOBEX, 1002],
    ] as const;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => callers[i % 2]!).map(async ([headers, mailboxId]) => ({
        mailboxId,
        response: await gql(stack.app, STATS_AND_INBOX, { headers }),
      })),
    );
    for (const { mailboxId, response } of answers) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.['mailboxStats']).toEqual(stack.simulator.stats(mailboxId));
      const ids = response.body.data?.['inbox'].edges.map((e: { node: { interchangeId: number } }) => e.node.interchangeId);
      expect(ids).toEqual(stack.simulator.list(mailboxId, 'inbox').slice(0, 3).map((r) => r['interchangeId']));
    }
    expect(stack.simulator.calls.length).toBe(4);
    expect(callsTo(stack, statsPath, 'demo-key-acme')).toBe(1);
    expect(callsTo(stack, statsPath, 'demo-key-globex')).toBe(1);
    // Every upstream call carried the credential of a request that asked for it, and it answered that mailbox.
    for (const call of stack.simulator.calls) expect(call.mailboxId).toBe(call.apiKey === 'demo-key-acme' ? 1001 : 1002);
  });

  it('serves nothing stale: once a call has settled, the next request makes its own', async () => {
    const first = await gql(stack.app, STATS, { headers: ACME });
    stack.simulator.deliver(1001, 3);
    const second = await gql(stack.app, STATS, { headers: ACME });
    expect(second.body.data?.['mailboxStats'].received).toBe(first.body.data?.['mailboxStats'].received + 3);
    expect(second.body.data?.['mailboxStats']).toEqual(stack.simulator.stats(1001));
    expect(callsTo(stack, statsPath)).toBe(2);
  });

  it('shares an error only with the calls that overlapped it, and keeps nothing of it', async () => {
    stack.simulator.injectFault({ path: statsPath, times: 1, fault: { kind: 'status', status: 403 } });
    const overlapping = await Promise.all(Array.from({ length: 5 }, () => gql(stack.app, STATS, { headers: ACME })));
    for (const { body } of overlapping) expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const after = await gql(stack.app, STATS, { headers: ACME });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.['mailboxStats']).toEqual(stack.simulator.stats(1001));
  });

  it('can be turned off: every request then makes its own call', async () => {
    const own = await startStack({ simulator: { latencyMs: 20 }, app: { sharing: false } });
    try {
      await Promise.all(Array.from({ length: 5 }, () => gql(own.app, STATS, { headers: ACME })));
      expect(callsTo(own, statsPath)).toBe(5);
    } finally {
      await own.close();
    }
  });

  it('forgets a call once it settles, whether it succeeded or failed', async () => {
    const coalescer = new CallCoalescer();
    let joined = 0;
    const slow = (value: number) => new Promise<number>((resolve) => setTimeout(() => resolve(value), 10));
    const [a, b] = await Promise.all([coalescer.run('k', () => slow(1)), coalescer.run('k', () => slow(2), () => (joined += 1))]);
    expect([a, b, joined, coalescer.coalescedCount, coalescer.size]).toEqual([1, 1, 1, 1, 0]);
    await expect(coalescer.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(coalescer.size).toBe(0);
    expect(await coalescer.run('k', () => slow(3))).toBe(3);
  });
});

/** A store that records the keys it is asked for, over a real LRU. */
class SpyStore implements CacheStore {
  readonly keys: string[] = [];
  readonly inner: MemoryCacheStore;
  constructor(now: () => number, maxEntries = 100) {
    this.inner = new MemoryCacheStore({ maxEntries, now });
  }
  get(key: string) {
    this.keys.push(key);
    return this.inner.get(key);
  }
  set(key: string, answer: CachedAnswer, ttlMs: number) {
    this.inner.set(key, answer, ttlMs);
  }
  close() {
    return this.inner.close();
  }
}

describe('the optional TTL cache (in-process LRU)', () => {
  const clock = new TestClock();
  let stack: Stack;
  let store: SpyStore;
  const start = async (ttls: CacheTtls, maxEntries = 100) => {
    store = new SpyStore(clock.now, maxEntries);
    stack = await startStack({
      clock,
      app: { sharing: new UpstreamSharing({ coalesce: true, cache: new ResponseCache(store, ttls) }) },
    });
  };
  afterEach(() => stack.close());

  it('is off by default: NO_CACHE caches nothing', async () => {
    await start(NO_CACHE);
    await gql(stack.app, STATS, { headers: ACME });
    await gql(stack.app, STATS, { headers: ACME });
    expect(callsTo(stack, statsPath)).toBe(2);
    expect(store.keys).toEqual([]);
  });

  it('serves an answer again within its TTL, per credential, and calls again after it', async () => {
    await start({ stats: 30_000, list: 0, interchange: 0, reference: 0 });
    const a1 = await gql(stack.app, STATS, { headers: ACME });
    const a2 = await gql(stack.app, STATS, { headers: ACME });
    expect(a2.body.data).toEqual(a1.body.data);
    expect(callsTo(stack, statsPath)).toBe(1);

    const g1 = await gql(stack.app, STATS, { headers: GLOBEX });
    expect(g1.body.data?.['mailboxStats']).toEqual(stack.simulator.stats(1002));
    expect(callsTo(stack, statsPath, 'demo-key-globex')).toBe(1);

    clock.advance(30_001);
    await gql(stack.app, STATS, { headers: ACME });
    expect(callsTo(stack, statsPath, 'demo-key-acme')).toBe(2);

    // Keys hold a keyed hash of the credential, never the credential; two credentials, two keys.
    expect(store.keys.length).toBeGreaterThan(0);
    for (const key of store.keys) {
      expect(key).not.toContain('demo-key');
    }
    expect(new Set(store.keys).size).toBe(2);
  });

  it('caches only per endpoint TTL: lists uncached while stats are', async () => {
    await start({ stats: 30_000, list: 0, interchange: 0, reference: 0 });
    const query = '{ inbox(first: 2) { totalCount } }';
    await gql(stack.app, query, { headers: ACME });
    await gql(stack.app, query, { headers: ACME });
    expect(callsTo(stack, '/v2/interchanges/inbox-list')).toBe(2);
  });

  it('never caches an error: 401, 403, 5xx and a bad envelope are asked again next time', async () => {
    await start({ stats: 60_000, list: 60_000, interchange: 60_000, reference: 0 });
    for (const fault of [
      { kind: 'status', status: 401 },
      { kind: 'status', status: 403 },
      { kind: 'malformed' },
    ] as const) {
      stack.simulator.resetCalls();
      stack.simulator.injectFault({ path: statsPath, fault });
      const failed = await gql(stack.app, STATS, { headers: ACME });
      expect(failed.body.errors?.[0]?.extensions?.['code']).toMatch(/UNAUTHENTICATED|FORBIDDEN|UPSTREAM_BAD_RESPONSE/);
      stack.simulator.faults.clear();
      const next = await gql(stack.app, STATS, { headers: ACME });
      expect(next.body.errors).toBeUndefined();
      expect(next.body.data?.['mailboxStats']).toEqual(stack.simulator.stats(1001));
      // The success is cached from now on; drop it for the next fault.
      clock.advance(60_001);
    }
    stack.simulator.injectFault({ path: statsPath, fault: { kind: 'status', status: 503 } });
    const unavailable = await gql(stack.app, STATS, { headers: ACME });
    expect(unavailable.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    stack.simulator.faults.clear();
    const recovered = await gql(stack.app, STATS, { headers: ACME });
    expect(recovered.body.errors).toBeUndefined();
  });

  it("keeps a cached 404 (null) to its own credential: another mailbox's interchange stays null for it only", async () => {
    await start({ stats: 0, list: 0, interchange: 60_000, reference: 0 });
    const id = Number(stack.simulator.list(1001, 'inbox')[0]!['interchangeId']);
    const query = `{ interchange(interchangeId: ${id}) { interchangeId } }`;
    const globex = await gql(stack.app, query, { headers: GLOBEX });
    expect(globex.body.data?.['interchange']).toBeNull();
    const acme = await gql(stack.app, query, { headers: ACME });
    expect(acme.body.data?.['interchange']).toEqual({ interchangeId: id });
    const again = await gql(stack.app, query, { headers: GLOBEX });
    expect(again.body.data?.['interchange']).toBeNull();
    expect(callsTo(stack, `/v2/interchanges/${id}`)).toBe(2);
  });

  it('is bounded: the least recently used answer is dropped past the entry limit', async () => {
    await start({ stats: 0, list: 0, interchange: 60_000, reference: 0 }, 2);
    const ids = stack.simulator.list(1001, 'inbox').slice(0, 3).map((r) => Number(r['interchangeId']));
    for (const id of [...ids, ids[0]!]) await gql(stack.app, `{ interchange(interchangeId: ${id}) { interchangeId } }`, { headers: ACME });
    expect(stack.simulator.calls.length).toBe(4);
    expect(store.inner.size).toBe(2);
  });
});

describe('credential keys', () => {
  it('are stable for one secret, differ across secrets and credential kinds, and hide the credential', () => {
    const a = new CredentialKeyer('s'.repeat(32));
    const b = new CredentialKeyer('t'.repeat(32));
    const key = a.keyOf({ kind: 'apiKey', value: 'demo-key-acme' });
    expect(a.keyOf({ kind: 'apiKey', value: 'demo-key-acme' })).toBe(key);
    expect(b.keyOf({ kind: 'apiKey', value: 'demo-key-acme' })).not.toBe(key);
    expect(a.keyOf({ kind: 'bearer', value: 'demo-key-acme' })).not.toBe(key);
    expect(key).not.toContain('acme');
    expect(new CredentialKeyer().keyOf({ kind: 'apiKey', value: 'x' })).not.toBe(new CredentialKeyer().keyOf({ kind: 'apiKey', value: 'x' }));
  });
});
