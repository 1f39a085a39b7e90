/** Prometheus metrics of ECGrid calls: calls, durations, retries, coalescing, cache, breaker state and readiness checks. */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BreakerState } from '../upstream/transport/breaker.js';
import type { UpstreamCallEvent } from '../upstream/client.js';
import { routeOfPath } from '../upstream/endpoints/index.js';
import { EcgridUnavailableError } from '../upstream/errors.js';

/** How one upstream call ended, as a bounded label value. */
export type UpstreamStatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'timeout' | 'network' | 'circuit_open';

export type { BreakerState };

/**
 * What the upstream layer (client, retry interceptor, circuit breaker, coalescing, cache) reports
 * for metrics. Every method is cheap and never throws. `route` is an endpoint descriptor's route
 * (`/v2/interchanges/{id}`): written in code, so no id, query or credential is ever a label.
 */
export interface UpstreamObserver {
  /** One finished call as the client saw it (retries included); durationMs spans all attempts. */
  call(route: string, statusClass: UpstreamStatusClass, durationMs: number): void;
  /** One more attempt of a call (the first attempt is not a retry). */
  retry(route: string): void;
  /** A call answered by joining an identical call already in flight, instead of being sent. */
  coalesced(route: string): void;
  /** A response-cache lookup for an endpoint. */
  cacheLookup(route: string, hit: boolean): void;
  /** The circuit breaker of an ECGrid origin changed state (also report the initial state). */
  breakerState(origin: string, state: BreakerState): void;
  /** A readiness probe's check reached ECGrid: a plain check, or the breaker's half-open trial. */
  readinessCheck(kind: 'check' | 'trial', ok: boolean): void;
}

/** The route of a raw upstream path (for traces): ids become `{id}`, an unknown route is `other`. */
export const endpointLabel = routeOfPath;

/** The origin of a URL (scheme, host, port: never userinfo, path or query), or `other`. */
export function originLabel(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : 'other';
  } catch {
    return 'other';
  }
}

export function statusClassOf(statusCode: number): UpstreamStatusClass {
  const hundreds = Math.floor(statusCode / 100);
  return hundreds >= 1 && hundreds <= 5 ? (`${hundreds}xx` as UpstreamStatusClass) : '5xx';
}

/**
 * Adapts the client's `onCall` hook to an observer. A call refused before sending for want of a
 * credential is not an upstream call and is not counted.
 */
export function observeUpstreamCalls(observer: UpstreamObserver): (event: UpstreamCallEvent) => void {
  return (event) => {
    let statusClass: UpstreamStatusClass;
    if (event.statusCode !== undefined) statusClass = statusClassOf(event.statusCode);
    else if (event.error instanceof EcgridUnavailableError) {
      statusClass = event.error.reason === 'timeout' ? 'timeout' : event.error.reason === 'circuit-open' ? 'circuit_open' : 'network';
    } else return;
    observer.call(event.endpoint, statusClass, event.durationMs);
  };
}

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

/** Upstream metrics in a Prometheus registry, named `ecgrid_upstream_*`. */
export function prometheusUpstreamObserver(registry: Registry): UpstreamObserver {
  const registers = [registry];
  const calls = new Counter({
    name: 'ecgrid_upstream_calls_total',
    help: 'Calls to the ECGrid REST API, by route and status class (retries included in one call)',
    labelNames: ['endpoint', 'status_class'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'ecgrid_upstream_call_duration_seconds',
    help: 'Duration of calls to the ECGrid REST API, retries included',
    labelNames: ['endpoint', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers,
  });
  const retries = new Counter({
    name: 'ecgrid_upstream_retries_total',
    help: 'Extra attempts of ECGrid calls after a transient failure',
    labelNames: ['endpoint'] as const,
    registers,
  });
  const coalesced = new Counter({
    name: 'ecgrid_upstream_coalesced_total',
    help: 'ECGrid calls not sent because an identical call was already in flight',
    labelNames: ['endpoint'] as const,
    registers,
  });
  const cache = new Counter({
    name: 'ecgrid_upstream_cache_lookups_total',
    help: 'Response-cache lookups for ECGrid calls',
    labelNames: ['endpoint', 'result'] as const,
    registers,
  });
  const breaker = new Gauge({
    name: 'ecgrid_upstream_breaker_state',
    help: 'Circuit breaker state per ECGrid origin: 1 for the current state, 0 for the others',
    labelNames: ['origin', 'state'] as const,
    registers,
  });
  const readinessChecks = new Counter({
    name: 'ecgrid_readiness_upstream_checks_total',
    help: 'Readiness probes that reached ECGrid: kind check (breaker not open) or trial (the open breaker\'s half-open trial), result ok or failed',
    labelNames: ['kind', 'result'] as const,
    registers,
  });
  return {
    call(route, statusClass, durationMs) {
      const labels = { endpoint: route, status_class: statusClass };
      calls.inc(labels);
      duration.observe(labels, durationMs / 1000);
    },
    retry: (route) => retries.inc({ endpoint: route }),
    coalesced: (route) => coalesced.inc({ endpoint: route }),
    cacheLookup: (route, hit) => cache.inc({ endpoint: route, result: hit ? 'hit' : 'miss' }),
    breakerState(origin, state) {
      const label = originLabel(origin);
      for (const each of BREAKER_STATES) breaker.set({ origin: label, state: each }, each === state ? 1 : 0);
    },
    readinessCheck: (kind, ok) => readinessChecks.inc({ kind, result: ok ? 'ok' : 'failed' }),
  };
}
