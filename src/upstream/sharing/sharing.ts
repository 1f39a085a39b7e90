/** Lets requests of one credential share ECGrid reads: coalescing of identical calls in flight, then the optional cache. */
import type { EcgridApi } from '../client.js';
import { requestKey } from '../endpoints/endpoint.js';
import type { Credential } from '../types.js';
import { type CacheStore, type CacheTtls, cachesAnything, MemoryCacheStore, ResponseCache } from './cache.js';
import { CallCoalescer } from './coalescing.js';
import { CredentialKeyer } from './credential-key.js';

export type SharedCallEvent = 'coalesced' | 'cacheHit' | 'cacheMiss' | 'cacheStoreError';

export interface UpstreamSharingOptions {
  /** Share identical calls in flight at the same time (same credential, same request). */
  readonly coalesce: boolean;
  /** The optional TTL cache; its own TTLs say which endpoints it holds. */
  readonly cache?: ResponseCache | undefined;
  /** Secret of the credential keys; random per process when unset. Replicas sharing Redis must agree. */
  readonly keySecret?: string | undefined;
}

/**
 * The process-wide layer that lets requests of the same credential share upstream reads:
 * coalescing of concurrent identical calls, then the optional TTL cache. It wraps each
 * request's credential-bound client; every key holds the credential's keyed hash, so no answer
 * crosses credentials. Nothing is shared for a request without a credential.
 */
export class UpstreamSharing {
  readonly #coalescer: CallCoalescer | undefined;
  readonly #cache: ResponseCache | undefined;
  readonly #keyer: CredentialKeyer;
  #onEvent: ((event: SharedCallEvent, route: string) => void) | undefined;

  constructor(options: UpstreamSharingOptions) {
    this.#coalescer = options.coalesce ? new CallCoalescer() : undefined;
    this.#cache = options.cache?.enabled ? options.cache : undefined;
    this.#keyer = new CredentialKeyer(options.keySecret);
    this.#cache?.observe((event, route) =>
      this.#onEvent?.(event === 'hit' ? 'cacheHit' : event === 'miss' ? 'cacheMiss' : 'cacheStoreError', route),
    );
  }

  /**
   * A hook for metrics, given the ECGrid route (`/v2/interchanges/inbox-list`, `/v2/interchanges/{id}`,
   * never an id); called synchronously, keep it cheap.
   */
  observe(onEvent: (event: SharedCallEvent, route: string) => void): void {
    this.#onEvent = onEvent;
  }

  /** Upstream calls answered by joining an identical call in flight, since start. */
  get coalescedCount(): number {
    return this.#coalescer?.coalescedCount ?? 0;
  }

  get active(): boolean {
    return this.#coalescer !== undefined || this.#cache !== undefined;
  }

  /**
   * The credential's API with sharing on its reads; writes and credential-less calls pass straight
   * through. A call joined in flight was started earlier, under a request deadline no later than
   * the joiner's (REQUEST_TIMEOUT_MS is the same for all): waiting for it never outlasts the joiner's.
   */
  wrap(inner: EcgridApi, credential: Credential | undefined): EcgridApi {
    if (credential === undefined || !this.active) return inner;
    // Hashed on the first shared call: a request that calls nothing (bad input, __typename) pays nothing.
    let credentialKey: string | undefined;
    return {
      call: (endpoint, input) => {
        if (endpoint.kind !== 'read' || endpoint.authenticated === false) return inner.call(endpoint, input);
        credentialKey ??= this.#keyer.keyOf(credential);
        const key = `${credentialKey}:${requestKey(endpoint, input)}`;
        const call = () => inner.call(endpoint, input);
        const cache = this.#cache;
        // Only classes with a TTL go through the cache: with just the reference default on, the
        // traffic reads of every request pay nothing for it.
        const cached = cache?.caches(endpoint.cache) ? () => cache.through(endpoint.cache, endpoint.route, key, call) : call;
        const coalescer = this.#coalescer;
        if (coalescer === undefined) return cached();
        return coalescer.run(key, cached, () => this.#onEvent?.('coalesced', endpoint.route));
      },
    };
  }

  async close(): Promise<void> {
    await this.#cache?.close();
  }
}

export interface SharingSettings {
  readonly coalesce: boolean;
  readonly ttls: CacheTtls;
  /** Bound of the in-process cache, in answers. */
  readonly maxEntries: number;
  /** With keySecret, the cache lives in Redis (shared by replicas) instead of this process. */
  readonly redisUrl?: string | undefined;
  readonly keySecret?: string | undefined;
  readonly onStoreError?: ((error: Error) => void) | undefined;
}

/**
 * Builds the sharing layer from settings; loads the Redis client only when it is used. Without a
 * key secret the cache stays in this process even with a Redis URL: keys under a per-process
 * secret could never be read by another replica (config.ts requires the secret for a TTL the
 * operator sets with REDIS_URL; only the reference default gets here without one).
 */
export async function createUpstreamSharing(settings: SharingSettings): Promise<UpstreamSharing> {
  const caching = cachesAnything(settings.ttls);
  let store: CacheStore | undefined;
  if (caching && settings.redisUrl !== undefined && settings.keySecret !== undefined) {
    const { RedisCacheStore } = await import('./redis-cache-store.js');
    store = new RedisCacheStore(settings.redisUrl, { onError: settings.onStoreError });
  } else if (caching) {
    store = new MemoryCacheStore({ maxEntries: settings.maxEntries });
  }
  return new UpstreamSharing({
    coalesce: settings.coalesce,
    cache: store && new ResponseCache(store, settings.ttls),
    keySecret: settings.keySecret,
  });
}
