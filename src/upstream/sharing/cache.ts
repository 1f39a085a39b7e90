/** The optional TTL cache of ECGrid reads, in this process (LRU) or in a store such as Redis. */
import { LRUCache } from 'lru-cache';
import { CACHE_CLASSES, type CacheClass } from '../endpoints/endpoint.js';

/** What a store keeps for one answer; a wrapper so that a cached `null` (404) is not a miss. */
export interface CachedAnswer {
  readonly value: unknown;
}

/** Where cached answers live: this process (LRU) or Redis (shared by replicas). */
export interface CacheStore {
  get(key: string): CachedAnswer | undefined | Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer, ttlMs: number): void | Promise<void>;
  close(): Promise<void>;
}

/** Milliseconds an answer of each TTL class may be served from the cache; 0 = never cached. */
export type CacheTtls = Readonly<Record<CacheClass, number>>;

export const NO_CACHE: CacheTtls = Object.fromEntries(CACHE_CLASSES.map((name) => [name, 0])) as Record<CacheClass, number>;

export function cachesAnything(ttls: CacheTtls): boolean {
  return Object.values(ttls).some((ttl) => ttl > 0);
}

export type CacheEvent = 'hit' | 'miss' | 'storeError';

/**
 * An in-process LRU bounded in entries. Values are kept as the objects the client parsed and
 * handed to every later reader: answers are read-only everywhere downstream.
 */
export class MemoryCacheStore implements CacheStore {
  readonly #lru: LRUCache<string, CachedAnswer>;

  constructor(options: { maxEntries: number; now?: () => number }) {
    this.#lru = new LRUCache<string, CachedAnswer>({
      max: options.maxEntries,
      ttlAutopurge: false,
      ...(options.now ? { perf: { now: options.now } } : {}),
    });
  }

  get(key: string): CachedAnswer | undefined {
    return this.#lru.get(key);
  }

  set(key: string, answer: CachedAnswer, ttlMs: number): void {
    this.#lru.set(key, answer, { ttl: ttlMs });
  }

  get size(): number {
    return this.#lru.size;
  }

  async close(): Promise<void> {
    this.#lru.clear();
  }
}

/**
 * Serves successful upstream answers from a store for a per-endpoint time. Only answers are
 * stored: an error (401, 403, 429, 5xx, a bad envelope, a timeout) propagates and is never kept.
 * Keys must hold the credential's keyed hash, so an answer is only ever served to its own credential.
 */
export class ResponseCache {
  readonly #store: CacheStore;
  readonly #ttls: CacheTtls;
  #onEvent: ((event: CacheEvent, route: string) => void) | undefined;

  constructor(store: CacheStore, ttls: CacheTtls) {
    this.#store = store;
    this.#ttls = ttls;
  }

  /** A hook for metrics, given the ECGrid route (`/v2/interchanges/{id}`); called synchronously, keep it cheap. */
  observe(onEvent: (event: CacheEvent, route: string) => void): void {
    this.#onEvent = onEvent;
  }

  /** Whether any endpoint is cached at all. */
  get enabled(): boolean {
    return cachesAnything(this.#ttls);
  }

  /** Whether answers of this TTL class are kept; the others need not pass through at all. */
  caches(cacheClass: CacheClass | undefined): boolean {
    return cacheClass !== undefined && this.#ttls[cacheClass] > 0;
  }

  async through<T>(cacheClass: CacheClass | undefined, route: string, key: string, call: () => Promise<T>): Promise<T> {
    const ttl = cacheClass === undefined ? 0 : this.#ttls[cacheClass];
    if (ttl <= 0) return call();
    let hit: CachedAnswer | undefined;
    try {
      hit = await this.#store.get(key);
    } catch {
      // A store that fails is a miss: the cache may slow nothing down and break nothing.
      this.#onEvent?.('storeError', route);
    }
    if (hit !== undefined) {
      this.#onEvent?.('hit', route);
      return hit.value as T;
    }
    this.#onEvent?.('miss', route);
    const value = await call();
    try {
      const stored = this.#store.set(key, { value }, ttl);
      if (stored instanceof Promise) stored.catch(() => this.#onEvent?.('storeError', route));
    } catch {
      this.#onEvent?.('storeError', route);
    }
    return value;
  }

  close(): Promise<void> {
    return this.#store.close();
  }
}
