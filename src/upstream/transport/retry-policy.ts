/** When a failed ECGrid call is tried again: reads only, on transient failures, within a budget. */
import type { Dispatcher, RetryHandler } from 'undici';
import { type AnyEndpoint, ENDPOINT_OPTION } from '../endpoints/endpoint.js';
import { parseRetryAfter } from '../envelope.js';
import { type AbortSignalLike, onAbort } from './deadline.js';

export interface RetryPolicySettings {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Backoff base: attempt n waits a random time in [0, base * 2^(n-1)] ("full jitter"). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A 429 is retried only when its Retry-After is at most this; otherwise it fails fast. */
  readonly retryAfterCapMs: number;
  readonly budget: RetryBudget;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}

export interface RetryEvent {
  readonly method: string;
  /** The descriptor's route, e.g. `/v2/interchanges/{id}`. */
  readonly route: string;
  readonly attempt: number;
  readonly reason: string;
  readonly delayMs: number;
}

/** Transient transport failures: the request may not have reached ECGrid, or its answer was lost. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

type EndpointOptions = Dispatcher.DispatchOptions & { signal?: AbortSignalLike; [ENDPOINT_OPTION]?: AnyEndpoint };

/**
 * The decision function for undici's RetryHandler (which re-dispatches and replays the body):
 * reads only, on 5xx, resets and timeouts, with full-jitter exponential backoff; 429 only when its
 * Retry-After is short; never 4xx otherwise; and never beyond the retry budget or the deadline.
 */
export function retryDecision(settings: RetryPolicySettings): RetryHandler.RetryCallback {
  return (error, { state, opts }, callback) => {
    const { method, signal, [ENDPOINT_OPTION]: endpoint } = opts as EndpointOptions;
    const failure = error as Error & { statusCode?: number; code?: string; headers?: Record<string, string | string[] | undefined> };
    const stop = () => callback(error);
    // A write may have reached ECGrid: it is never sent twice.
    if (endpoint?.kind !== 'read' || state.counter > settings.maxRetries || signal?.aborted) return stop();

    let delayMs: number;
    let reason: string;
    const status = failure.statusCode;
    if (status === 429) {
      const header = failure.headers?.['retry-after'];
      const seconds = parseRetryAfter(Array.isArray(header) ? header[0] : header);
      if (seconds === undefined || seconds * 1000 > settings.retryAfterCapMs) return stop();
      delayMs = seconds * 1000;
      reason = '429';
    } else if (status !== undefined && failure.code === 'UND_ERR_REQ_RETRY') {
      if (!TRANSIENT_STATUSES.has(status)) return stop();
      delayMs = jitter(settings, state.counter);
      reason = String(status);
    } else if (failure.code !== undefined && TRANSIENT_CODES.has(failure.code)) {
      delayMs = jitter(settings, state.counter);
      reason = failure.code;
    } else {
      return stop();
    }
    if (!settings.budget.tryWithdraw()) return stop();

    settings.onRetry?.({ method, route: endpoint.route, attempt: state.counter, reason, delayMs });
    const timer = setTimeout(() => {
      stopListening?.();
      callback(null);
    }, delayMs);
    const stopListening = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          callback(error);
        })
      : undefined;
  };
}

function jitter(settings: RetryPolicySettings, attempt: number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(Math.random() * ceiling);
}

/**
 * A token bucket that keeps retries a small share of the traffic, so a failing ECGrid is not
 * hammered: each request earns `ratio` of a retry, each retry spends one, and a few tokens
 * trickle in over time so a quiet server can still retry.
 */
export class RetryBudget {
  #tokens: number;
  #updated: number;

  constructor(
    readonly ratio = 0.2,
    readonly maxTokens = 20,
    readonly perSecond = 1,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = maxTokens;
    this.#updated = now();
  }

  recordRequest(): void {
    this.#refill();
    this.#tokens = Math.min(this.maxTokens, this.#tokens + this.ratio);
  }

  tryWithdraw(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  get tokens(): number {
    this.#refill();
    return this.#tokens;
  }

  #refill(): void {
    const now = this.now();
    this.#tokens = Math.min(this.maxTokens, this.#tokens + ((now - this.#updated) / 1000) * this.perSecond);
    this.#updated = now;
  }
}
