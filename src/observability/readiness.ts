/** GET /ready: whether this instance should receive traffic (upstream reachable, breaker closed, not draining). */
import type { Plugin } from 'graphql-yoga';
import { EcgridError } from '../upstream/errors.js';

export interface ReadinessOptions {
  /** A cheap unauthenticated upstream call (GET /v2/auth/version), answering the API version. */
  readonly upstreamVersion: () => Promise<{ version: string }>;
  /** Is the upstream circuit breaker open? Treated as closed when absent. */
  readonly breakerOpen?: (() => boolean) | undefined;
  /** True once shutdown has begun: a draining server takes no new traffic. */
  readonly draining?: (() => boolean) | undefined;
  /** How long one upstream answer (good or bad) is reused, so probes stay cheap. */
  readonly cacheMs?: number;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: {
    /** A process whose configuration is invalid stops at start, so a running one has a valid one. */
    readonly config: 'ok';
    readonly upstream: 'ok' | 'unreachable' | 'not checked';
    readonly breaker: 'closed' | 'open';
    readonly shutdown: 'no' | 'draining';
  };
  readonly upstreamVersion?: string;
  readonly upstreamError?: string;
}

type UpstreamCheck = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly error: string };

/** Whether this instance should receive traffic. At most one upstream check runs at a time. */
export class Readiness {
  readonly #options: ReadinessOptions;
  readonly #cacheMs: number;
  #last: { at: number; check: UpstreamCheck } | undefined;
  #inFlight: Promise<UpstreamCheck> | undefined;

  constructor(options: ReadinessOptions) {
    this.#options = options;
    this.#cacheMs = options.cacheMs ?? 2_000;
  }

  async check(): Promise<ReadinessReport> {
    const draining = this.#options.draining?.() ?? false;
    const breakerOpen = this.#options.breakerOpen?.() ?? false;
    const base = { config: 'ok', breaker: breakerOpen ? 'open' : 'closed', shutdown: draining ? 'draining' : 'no' } as const;
    if (draining || breakerOpen) return { ready: false, checks: { ...base, upstream: 'not checked' } };
    const upstream = await this.#upstream();
    return upstream.ok
      ? { ready: true, checks: { ...base, upstream: 'ok' }, upstreamVersion: upstream.version }
      : { ready: false, checks: { ...base, upstream: 'unreachable' }, upstreamError: upstream.error };
  }

  #upstream(): Promise<UpstreamCheck> {
    const now = performance.now();
    if (this.#last && now - this.#last.at < this.#cacheMs) return Promise.resolve(this.#last.check);
    this.#inFlight ??= this.#options
      .upstreamVersion()
      .then(
        ({ version }): UpstreamCheck => ({ ok: true, version }),
        (error: unknown): UpstreamCheck => ({ ok: false, error: error instanceof EcgridError ? error.code : 'UNEXPECTED' }),
      )
      .then((check) => {
        this.#last = { at: performance.now(), check };
        this.#inFlight = undefined;
        return check;
      });
    return this.#inFlight;
  }
}

/** GET /ready: 200 when ready, 503 with the failing checks otherwise. */
export function useReadiness(readiness: Readiness, endpoint = '/ready'): Plugin {
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      return readiness.check().then((report) => {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status: report.ready ? 'ready' : 'not ready', ...report }), {
            status: report.ready ? 200 : 503,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      });
    },
  };
}
