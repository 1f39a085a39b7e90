/** The overall deadline of one ECGrid call, as the abort signal undici and the retry policy listen to. */
import { EventEmitter } from 'node:events';

/**
 * The overall deadline of one upstream call (all its attempts and backoffs), as the abort signal
 * undici and the retry policy listen to. An EventEmitter, which undici accepts in place of an
 * AbortSignal, because a Node AbortSignal is kept through every young-generation GC until a full
 * one, and undici's request state hangs on it: each call's objects went to the old space
 * (bench/README.md, "What survives a request").
 */
export class Deadline extends EventEmitter {
  aborted = false;
  reason: unknown;
  readonly #timer: NodeJS.Timeout;

  constructor(ms: number) {
    super();
    this.#timer = setTimeout(() => this.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
    this.#timer.unref();
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }

  /** Ends the wait: the call is over. */
  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** What undici accepts as `signal`, and the retry policy gets back in the dispatch options. */
export type AbortSignalLike = Pick<AbortSignal, 'aborted' | 'addEventListener' | 'removeEventListener'> | Deadline;

/** Calls `listener` once when `signal` aborts; returns the function that stops listening. */
export function onAbort(signal: AbortSignalLike, listener: () => void): () => void {
  if (signal instanceof EventEmitter) {
    signal.once('abort', listener);
    return () => signal.removeListener('abort', listener);
  }
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}
