/** The circuit breaker of the ECGrid origin, shared by every caller. */
import { BrokenCircuitError, CircuitState, circuitBreaker, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import { EcgridUnavailableError } from '../errors.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Consecutive transient failures (5xx, timeouts, resets after retries) that open it. */
  readonly failures: number;
  /** How long it stays open before one trial call may pass. */
  readonly cooldownMs: number;
  readonly onStateChange?: ((state: BreakerState) => void) | undefined;
}

export interface UpstreamBreaker {
  run<T>(call: () => Promise<T>): Promise<T>;
  readonly state: BreakerState;
  /**
   * Open with its cooldown over: the next call through `run` is the half-open trial, whose
   * success closes it. The readiness probe uses this so that the breaker heals with no traffic.
   */
  readonly trialDue: boolean;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

const circuitOpen = () => new EcgridUnavailableError('ECGrid is failing; calls are paused for a moment (circuit open)', 'circuit-open');

/**
 * One breaker per ECGrid origin, shared by all callers. Only transient failures count, so one
 * caller's 401s or 429s never open it for everyone; while open, calls fail at once.
 */
export function createBreaker(settings: BreakerSettings): UpstreamBreaker {
  const policy = circuitBreaker(
    handleWhen((error) => error instanceof EcgridUnavailableError && error.reason !== 'circuit-open'),
    { halfOpenAfter: settings.cooldownMs, breaker: new ConsecutiveBreaker(settings.failures) },
  );
  // cockatiel keeps its own opening time private; this one is taken in the same tick, just after.
  let openedAt = 0;
  policy.onStateChange((state) => {
    if (state === CircuitState.Open) openedAt = Date.now();
    settings.onStateChange?.(STATES[state]);
  });
  return {
    async run(call) {
      // cockatiel queues calls behind a half-open trial and then starts each with a fresh
      // deadline: a request could wait for the trial's whole deadline and then its own, past its
      // bound. Only the trial passes; the others fail at once, as while open.
      if (policy.state === CircuitState.HalfOpen) throw circuitOpen();
      try {
        return await policy.execute(call);
      } catch (error) {
        if (error instanceof BrokenCircuitError) throw circuitOpen();
        throw error;
      }
    },
    get state() {
      return STATES[policy.state];
    },
    get trialDue() {
      return policy.state === CircuitState.Open && Date.now() - openedAt >= settings.cooldownMs;
    },
  };
}
