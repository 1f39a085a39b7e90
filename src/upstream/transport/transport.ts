/** The transport every request's client shares: the pool with retries composed on it, and the breaker. */
import { type Dispatcher, interceptors } from 'undici';
import { type BreakerState, createBreaker, type UpstreamBreaker } from './breaker.js';
import { type RetryEvent, RetryBudget, retryDecision } from './retry-policy.js';

export interface TransportSettings {
  /** The connection pool (a keep-alive Agent in production, a MockAgent in tests). */
  readonly dispatcher: Dispatcher;
  readonly retry: {
    readonly maxRetries: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly retryAfterCapMs: number;
  };
  readonly breaker: { readonly failures: number; readonly cooldownMs: number };
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  readonly onBreakerStateChange?: ((state: BreakerState) => void) | undefined;
}

/** What every request's ECGrid client shares: the pool with retries on it, and the breaker. */
export interface UpstreamTransport {
  readonly dispatcher: Dispatcher;
  readonly breaker: UpstreamBreaker;
  readonly budget: RetryBudget;
}

export function createTransport(settings: TransportSettings): UpstreamTransport {
  const budget = new RetryBudget();
  const countRequests: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
    budget.recordRequest();
    return dispatch(options, handler);
  };
  // compose() wraps in order, so the last interceptor is the outermost: each request is counted
  // once, and the retry interceptor's re-dispatches go straight to the pool.
  const dispatcher = settings.dispatcher.compose(
    interceptors.retry({
      // Only these statuses reach the retry decision; others pass through untouched. When retries
      // end on one of them, the client gets a RequestRetryError with the status and headers.
      statusCodes: [429, 500, 502, 503, 504],
      maxRetries: settings.retry.maxRetries,
      retry: retryDecision({ ...settings.retry, budget, onRetry: settings.onRetry }),
    }),
    countRequests,
  );
  const breaker = createBreaker({ ...settings.breaker, onStateChange: settings.onBreakerStateChange });
  return { dispatcher, breaker, budget };
}
