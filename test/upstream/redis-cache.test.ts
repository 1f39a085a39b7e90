import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/upstream/sharing/cache.js';
import { RedisCacheStore } from '../../src/upstream/sharing/redis-cache-store.js';
import { UpstreamSharing } from '../../src/upstream/sharing/sharing.js';
import { ACME, GLOBEX, gql, startStack } from '../helpers/index.js';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../helpers/redis-server.js';

const available = redisServerAvailable();
if (!available) {
  if (process.env['CI'] === 'true') {
    throw new Error('redis-server is not installed, and CI=true requires the Redis cache test: .ci/run installs it with apt-get');
  }
  console.warn('SKIPPED the Redis cache test: redis-server is not installed (apt-get install redis-server).');
}

const STATS = '{ mailboxStats { sent received totalBytes period } }';
const statsPath = '/v2/reports/mailbox-interchange-stats';
const TTLS = { stats: 60_000, list: 60_000, interchange: 60_000, reference: 0 };
const SECRET = 'a-replica-shared-secret-of-32-chars!';

describe.skipIf(!available)('the TTL cache in Redis, shared by replicas', () => {
  let redis: RedisServer;
  const stores: RedisCacheStore[] = [];
  const replica = async (secret = SECRET) => {
    const store = new RedisCacheStore(redis.url, { keyPrefix: `test:${Date.now()}:` });
    stores.push(store);
    await store.ready();
    return new UpstreamSharing({ coalesce: true, keySecret: secret, cache: new ResponseCache(store, TTLS) });
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis?.stop();
  });

  it('lets a second replica serve what the first fetched, for the same credential only', async () => {
    const prefix = `shared:${Date.now()}:`;
    const sharings = await Promise.all(
      [0, 1].map(async () => {
        const store = new RedisCacheStore(redis.url, { keyPrefix: prefix });
        stores.push(store);
        await store.ready();
        return new UpstreamSharing({ coalesce: true, keySecret: SECRET, cache: new ResponseCache(store, TTLS) });
      }),
    );
    const [a, b] = await Promise.all(sharings.map((sharing) => startStack({ app: { sharing } })));
    try {
      const fromA = await gql(a!.app, STATS, { headers: ACME });
      expect(fromA.body.data?.['mailboxStats']).toEqual(a!.simulator.stats(1001));
      // Replica B has its own simulator: a hit in Redis means B makes no upstream call.
      const fromB = await gql(b!.app, STATS, { headers: ACME });
      expect(fromB.body.data).toEqual(fromA.body.data);
      expect(b!.simulator.calls.length).toBe(0);
      // Another credential on replica B gets its own answer, from its own call.
      const globex = await gql(b!.app, STATS, { headers: GLOBEX });
      expect(globex.body.data?.['mailboxStats']).toEqual(b!.simulator.stats(1002));
      expect(b!.simulator.calls.map((c) => c.apiKey)).toEqual(['demo-key-globex']);
    } finally {
      await a!.close();
      await b!.close();
    }
  });

  it('never stores an error, and never stores the credential', async () => {
    const sharing = await replica();
    const own = await startStack({ app: { sharing } });
    try {
      own.simulator.injectFault({ path: statsPath, times: 1, fault: { kind: 'status', status: 403 } });
      const denied = await gql(own.app, STATS, { headers: ACME });
      expect(denied.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const next = await gql(own.app, STATS, { headers: ACME });
      expect(next.body.data?.['mailboxStats']).toEqual(own.simulator.stats(1001));
      expect(own.simulator.calls.length).toBe(2);
      const keys = await rawKeys(redis.url);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key).not.toContain('demo-key');
    } finally {
      await own.close();
    }
  });

  it('keeps serving from ECGrid when Redis is unreachable', async () => {
    const store = new RedisCacheStore('redis://127.0.0.1:1', { onError: () => {} });
    stores.push(store);
    const sharing = new UpstreamSharing({ coalesce: true, keySecret: SECRET, cache: new ResponseCache(store, TTLS) });
    const own = await startStack({ app: { sharing } });
    try {
      for (let i = 0; i < 2; i += 1) {
        const { body } = await gql(own.app, STATS, { headers: ACME });
        expect(body.errors).toBeUndefined();
        expect(body.data?.['mailboxStats']).toEqual(own.simulator.stats(1001));
      }
      expect(own.simulator.calls.length).toBe(2);
    } finally {
      await own.close();
    }
  });
});

async function rawKeys(url: string): Promise<string[]> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    return await client.keys('*');
  } finally {
    await client.quit();
  }
}
