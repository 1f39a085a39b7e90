/**
 * GET /ready: whether this instance should receive traffic (not draining; with READINESS_REQUIRES_UPSTREAM,
 * also ECGrid reachable and the breaker not open), and the probe's upstream check that heals the breaker.
 */
import type { Plugin } from 'graphql-yoga';
import { EcgridError, EcgridUnavailableError } from '../upstream/errors.js';
import type { BreakerState } from '../upstream/transport/breaker.js';

/** What readiness needs of the upstream circuit breaker (the transport's breaker is one). */
export interface ReadinessBreaker {
  readonly state: BreakerState;
  /** Open with its cooldown over: a call through `run` is the half-open trial. */
  readonly trialDue: boolean;
  run<T>(call: () => Promise<T>): Promise<T>;
}

/** An upstream check of a probe: a plain one, or the breaker's half-open trial. */
export type UpstreamCheckKind = 'check' | 'trial';

export interface ReadinessOptions {
  /** A cheap unauthenticated upstream call (GET /v2/auth/version), answering the API version. */
  readonly upstreamVersion: () => Promise<{ version: string }>;
  /** The upstream circuit breaker: while it is open, a probe after its cooldown runs its trial. */
  readonly breaker?: ReadinessBreaker | undefined;
  /** Overrides whether the breaker counts as open (tests). */
  readonly breakerOpen?: (() => boolean) | undefined;
  /** READINESS_REQUIRES_UPSTREAM: whether ECGrid's state decides readiness. Absent: it does. */
  readonly requiresUpstream?: boolean | undefined;
  /** True once shutdown has begun: a draining server takes no new traffic. */
  readonly draining?: (() => boolean) | undefined;
  /** How long one upstream answer (good or bad) is reused, so probes stay cheap. */
  readonly cacheMs?: number;
  /** After each check that reached ECGrid (for metrics); must not throw. */
  readonly onUpstreamCheck?: ((kind: UpstreamCheckKind, ok: boolean) => void) | undefined;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: {
    /** A process whose configuration is invalid stops at start, so a running one has a valid one. */
    readonly config: 'ok';
    readonly upstream: 'ok' | 'unreachable' | 'not checked';
    readonly breaker: BreakerState;
    readonly shutdown: 'no' | 'draining';
  };
  readonly upstreamVersion?: string;
  readonly upstreamError?: string;
}

type UpstreamCheck = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly error: string };

/**
 * Whether this instance should receive traffic. At most one upstream check runs at a time, and
 * one starts at most once per `cacheMs` however many probes come. While the breaker is open a
 * probe checks nothing until the cooldown is over; then its check is the breaker's half-open
 * trial, so the breaker closes once ECGrid answers even when no request comes (a pod taken out of
 * its Service gets only probes).
 */
export class Readiness {
  readonly #options: ReadinessOptions;
  readonly #cacheMs: number;
  readonly #requiresUpstream: boolean;
  #last: { at: number; check: UpstreamCheck } | undefined;
  #inFlight: Promise<UpstreamCheck> | undefined;

  constructor(options: ReadinessOptions) {
    this.#options = options;
    this.#cacheMs = options.cacheMs ?? 2_000;
    this.#requiresUpstream = options.requiresUpstream ?? true;
  }

  async check(): Promise<ReadinessReport> {
    if (this.#options.draining?.()) return this.#report(true, undefined);
    const pending = this.#upstream();
    // Not required: the probe never waits for ECGrid. Its check goes on (and heals the breaker);
    // a later probe reports it.
    if (!this.#requiresUpstream) return this.#report(false, pending && this.#last?.check);
    return this.#report(false, pending && (await pending));
  }

  #breakerState(): BreakerState {
    if (this.#options.breakerOpen?.()) return 'open';
    return this.#options.breaker?.state ?? 'closed';
  }

  #report(draining: boolean, upstream: UpstreamCheck | undefined): ReadinessReport {
    const breaker = this.#breakerState();
    const ready = !draining && (!this.#requiresUpstream || (breaker !== 'open' && upstream?.ok === true));
    const checks = {
      config: 'ok',
      upstream: upstream === undefined ? 'not checked' : upstream.ok ? 'ok' : 'unreachable',
      breaker,
      shutdown: draining ? 'draining' : 'no',
    } as const;
    if (upstream === undefined) return { ready, checks };
    return upstream.ok ? { ready, checks, upstreamVersion: upstream.version } : { ready, checks, upstreamError: upstream.error };
  }

  /** The upstream check to report, or undefined while the breaker is open and cooling down. */
  #upstream(): Promise<UpstreamCheck> | undefined {
    if (this.#inFlight) return this.#inFlight;
    const { breaker } = this.#options;
    const open = this.#breakerState() === 'open';
    const trial = open && breaker?.trialDue === true;
    if (open && !trial) return undefined;
    if (this.#last && performance.now() - this.#last.at < this.#cacheMs) return Promise.resolve(this.#last.check);
    const kind: UpstreamCheckKind = trial ? 'trial' : 'check';
    const call = async () => (trial ? breaker!.run(() => this.#options.upstreamVersion()) : this.#options.upstreamVersion());
    const inFlight = call().then(
      ({ version }) => this.#settle(kind, { ok: true, version }),
      (error: unknown) =>
        this.#settle(
          kind,
          { ok: false, error: error instanceof EcgridError ? error.code : 'UNEXPECTED' },
          // A trial the breaker refused reached nothing: neither counted nor kept.
          !(error instanceof EcgridUnavailableError && error.reason === 'circuit-open'),
        ),
    );
    this.#inFlight = inFlight;
    return inFlight;
  }

  #settle(kind: UpstreamCheckKind, check: UpstreamCheck, reached = true): UpstreamCheck {
    this.#inFlight = undefined;
    if (reached) {
      this.#last = { at: performance.now(), check };
      try {
        this.#options.onUpstreamCheck?.(kind, check.ok);
      } catch {
        // Metrics never decide readiness, nor fail a probe's check running in the background.
      }
    }
    return check;
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
