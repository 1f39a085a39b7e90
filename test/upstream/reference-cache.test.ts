/**
 * Reference data (status lists, mailboxes) is cached per credential by default: in this process, or in
 * Redis when REDIS_URL and a shared key secret are set; the default alone never makes a valid config fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheTtls, ConfigError, loadConfig } from '../../src/config.js';
import { createUpstreamSharing, type UpstreamSharing } from '../../src/upstream/sharing/sharing.js';
import { ACME, gql, startStack } from '../helpers/index.js';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../helpers/redis-server.js';

const REFERENCE = '{ statusLists { parcelStatuses { code } } mailbox(mailboxId: 1001) { mailboxId companyName status } }';
const SECRET = 'a-replica-shared-secret-of-32-chars!';

describe('the reference TTL setting', () => {
  it('defaults to 5 minutes for reference data only, and 0 turns it off', () => {
    expect(cacheTtls(loadConfig({}))).toEqual({ stats: 0, list: 0, interchange: 0, reference: 300_000 });
    expect(cacheTtls(loadConfig({ ECGRID_CACHE_TTL_REFERENCE_MS: '0' })).reference).toBe(0);
  });

  it('keeps REDIS_URL without a key secret valid, unless the operator sets a TTL', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).ECGRID_CACHE_TTL_REFERENCE_MS).toBe(300_000);
    for (const name of ['ECGRID_CACHE_TTL_REFERENCE_MS', 'ECGRID_CACHE_TTL_STATS_MS']) {
      expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379', [name]: '60000' })).toThrow(ConfigError);
      expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379', [name]: '60000' })).toThrow(/ECGRID_CACHE_KEY_SECRET/);
    }
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379', ECGRID_CACHE_TTL_REFERENCE_MS: '0' }).ECGRID_CACHE_TTL_REFERENCE_MS).toBe(0);
  });
});

const available = redisServerAvailable();
if (!available) console.warn('SKIPPED the Redis part of the reference cache test: redis-server is not installed.');

describe.skipIf(!available)('reference data with REDIS_URL set', () => {
  let redis: RedisServer;
  const sharings: UpstreamSharing[] = [];
  const sharingFor = async (env: Record<string, string>) => {
    const config = loadConfig({ REDIS_URL: redis.url, ...env });
    const sharing = await createUpstreamSharing({
      coalesce: true,
      ttls: cacheTtls(config),
      maxEntries: 100,
      redisUrl: config.REDIS_URL,
      keySecret: config.ECGRID_CACHE_KEY_SECRET,
    });
    sharings.push(sharing);
    return sharing;
  };
  const keys = async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    try {
      return await client.keys('*');
    } finally {
      await client.quit();
    }
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(sharings.map((sharing) => sharing.close()));
    await redis?.stop();
  });

  it('stays in this process without a shared key secret: nothing reaches Redis', async () => {
    const stack = await startStack({ app: { sharing: await sharingFor({}) } });
    try {
      await gql(stack.app, REFERENCE, { headers: ACME });
      await gql(stack.app, REFERENCE, { headers: ACME });
      expect(stack.simulator.calls).toHaveLength(2);
      expect(await keys()).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('lands in Redis with the secret, and a second replica serves it, a bad value still an error at its field; traffic is not cached', async () => {
    const [a, b] = await Promise.all([0, 1].map(async () => startStack({ app: { sharing: await sharingFor({ ECGRID_CACHE_KEY_SECRET: SECRET }) } })));
    try {
      a!.simulator.injectFault({ path: '/v2/mailboxes/1001', times: 1, fault: { kind: 'transform', transform: (body) => ({ ...body, data: { ...(body['data'] as object), status: { odd: true } } }) } });
      const fromA = await gql(a!.app, REFERENCE, { headers: ACME });
      expect(fromA.body.data?.['mailbox']).toEqual({ mailboxId: 1001, companyName: 'Acme Retail Group', status: null });
      expect(fromA.body.errors?.map((error) => error.path)).toEqual([['mailbox', 'status']]);
      const stored = await keys();
      expect(stored).toHaveLength(2);
      for (const key of stored) expect(key).not.toContain('demo-key');

      // Replica B has its own simulator: answered from Redis, it calls nothing, and says the same.
      const fromB = await gql(b!.app, REFERENCE, { headers: ACME });
      expect(fromB.body).toEqual(fromA.body);
      expect(b!.simulator.calls).toHaveLength(0);

      await gql(b!.app, '{ trafficStats(periods: 2, period: DAY) { sentCount } }', { headers: ACME });
      await gql(b!.app, '{ trafficStats(periods: 2, period: DAY) { sentCount } }', { headers: ACME });
      expect(b!.simulator.calls).toHaveLength(2);
      expect(await keys()).toHaveLength(2);
    } finally {
      await a!.close();
      await b!.close();
    }
  });
});
