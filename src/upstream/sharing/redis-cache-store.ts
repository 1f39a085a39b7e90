/** The cache store in Redis, shared by replicas; slow or down counts as a miss. */
import { Redis } from 'ioredis';
import { EcgridBadValueError } from '../errors.js';
import type { CacheStore, CachedAnswer } from './cache.js';

// A record's unusable value is an EcgridBadValueError (a Checked field), which JSON would turn
// into `{}`: it is stored by its message and comes back as the same error.
const BAD_VALUE = '$ecgridBadValue';
const replacer = (_key: string, value: unknown) => (value instanceof EcgridBadValueError ? { [BAD_VALUE]: value.message } : value);
const reviver = (_key: string, value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[BAD_VALUE] === 'string'
    ? new EcgridBadValueError((value as Record<string, string>)[BAD_VALUE]!)
    : value;

/**
 * A cache store in Redis, so that replicas share answers. Keys are already keyed hashes of the
 * credential plus the canonical request (see request-key.ts); the prefix namespaces them.
 * Redis being slow or down never fails a request: commands time out quickly and count as misses.
 */
export class RedisCacheStore implements CacheStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(url: string, options: { keyPrefix?: string; commandTimeoutMs?: number; onError?: (error: Error) => void } = {}) {
    this.#prefix = options.keyPrefix ?? 'ecgrid-graphql:v1:';
    this.#redis = new Redis(url, {
      commandTimeout: options.commandTimeoutMs ?? 250,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    // Without a listener ioredis reports connection errors on stderr; the owner decides.
    this.#redis.on('error', (error: Error) => options.onError?.(error));
  }

  /** Resolves once connected (start-up checks and tests); commands before that count as misses. */
  async ready(): Promise<void> {
    if (this.#redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      this.#redis.once('ready', () => resolve());
      this.#redis.once('end', () => reject(new Error('Redis connection ended')));
    });
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const text = await this.#redis.get(this.#prefix + key);
    if (text === null) return undefined;
    const parsed = JSON.parse(text, reviver) as unknown;
    if (typeof parsed !== 'object' || parsed === null || !('value' in parsed)) return undefined;
    return parsed as CachedAnswer;
  }

  async set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#prefix + key, JSON.stringify(answer, replacer), 'PX', ttlMs);
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
