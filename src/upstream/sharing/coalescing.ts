/**
 * Shares one upstream call between identical calls that are in flight at the same time.
 * An entry lives exactly as long as its call: once it settles, the next caller makes a new call,
 * so nothing is served that is older than a call the caller overlapped with.
 * Keys must hold the credential's keyed hash (see request-key.ts): callers of different
 * credentials never share.
 */
export class CallCoalescer {
  readonly #inFlight = new Map<string, Promise<unknown>>();
  #coalesced = 0;

  /** How many calls were answered by joining another one since start. */
  get coalescedCount(): number {
    return this.#coalesced;
  }

  /** Calls in flight now. */
  get size(): number {
    return this.#inFlight.size;
  }

  /** Runs `call`, or joins the identical call in flight; `joined` says which (for metrics). */
  run<T>(key: string, call: () => Promise<T>, joined?: () => void): Promise<T> {
    const pending = this.#inFlight.get(key);
    if (pending !== undefined) {
      this.#coalesced += 1;
      joined?.();
      return pending as Promise<T>;
    }
    const started = call().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, started);
    return started;
  }
}
