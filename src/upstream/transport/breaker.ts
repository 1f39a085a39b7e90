/** The circuit breaker of the ECGrid origin, shared by every caller. */
import { BrokenCircuitError, CircuitState, circuitBreaker, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import { EcgridUnavailableError } from '../errors.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Consecutive transient failures (5xx, timeouts, resets after retries) that open it. */
  readonly failures: number;
  /** How long it stays open before one probe call may pass. */
  readonly cooldownMs: number;
  readonly onStateChange?: ((state: BreakerState) => void) | undefined;
}

export interface UpstreamBreaker {
  run<T>(call: () => Promise<T>): Promise<T>;
  readonly state: BreakerState;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * One breaker per ECGrid origin, shared by all callers. Only transient failures count, so one
 * caller's 401s or 429s never open it for everyone; while open, calls fail at once.
 */
export function createBreaker(settings: BreakerSettings): UpstreamBreaker {
  const policy = circuitBreaker(
    handleWhen((error) => error instanceof EcgridUnavailableError && error.reason !== 'circuit-open'),
    { halfOpenAfter: settings.cooldownMs, breaker: new ConsecutiveBreaker(settings.failures) },
  );
  if (settings.onStateChange) {
    const notify = settings.onStateChange;
    policy.onStateChange((state) => notify(STATES[state]));
  }
  return {
    async run(call) {
      try {
        return await policy.execute(call);
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new EcgridUnavailableError('ECGrid is failing; calls are paused for a moment (circuit open)', 'circuit-open');
        }
        throw error;
      }
    },
    get state() {
      return STATES[policy.state];
    },
  };
}
