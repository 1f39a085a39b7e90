/** Draining on shutdown: in-flight requests finish, keep-alive connections close, then the server stops. */
import type { Server, ServerResponse } from 'node:http';

export interface DrainResult {
  /** True when the deadline passed and the remaining requests were cut off. */
  readonly forced: boolean;
  /** Requests still in flight when they were cut off. */
  readonly abandoned: number;
  readonly ms: number;
}

export interface RequestTracker {
  readonly inFlight: number;
  /**
   * Stops accepting connections, lets in-flight requests finish (their keep-alive connections
   * close after the response), and after `deadlineMs` closes whatever is left.
   */
  drain(deadlineMs: number): Promise<DrainResult>;
}

/**
 * Tracks a server's in-flight requests so that it can be drained. Node's `server.close()` alone
 * waits for every keep-alive connection to time out; this answers the last responses with
 * `Connection: close` and closes idle connections as they appear.
 */
export function trackRequests(server: Server): RequestTracker {
  const active = new InFlightList();
  let draining = false;

  server.on('request', (_request, response: ServerResponse) => {
    const entry = active.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.once('close', () => {
      active.remove(entry);
      if (draining) server.closeIdleConnections();
    });
  });

  return {
    get inFlight() {
      return active.size;
    },
    drain(deadlineMs) {
      draining = true;
      const started = performance.now();
      for (const response of active) if (!response.headersSent) response.setHeader('connection', 'close');
      return new Promise((resolve) => {
        let done = false;
        const finish = (forced: boolean, abandoned: number) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve({ forced, abandoned, ms: Math.round(performance.now() - started) });
        };
        const timer = setTimeout(() => {
          const abandoned = active.size;
          server.closeAllConnections();
          finish(true, abandoned);
        }, deadlineMs);
        server.close(() => finish(false, 0));
        server.closeIdleConnections();
      });
    },
  };
}

interface Entry {
  response: ServerResponse | undefined;
  prev: Entry;
  next: Entry;
}

/**
 * The in-flight responses, as a doubly linked list. Not a Set: with a long-lived Set (or Map) and
 * an add and a delete per request, V8 kept every request's objects through young collections
 * until a full one: about 2 KB a request promoted to the old space, 0 with this list, and RSS
 * grew with it (measured, bench/README.md, "What survives a request").
 */
class InFlightList {
  readonly #head: Entry;
  #size = 0;

  constructor() {
    const head = { response: undefined } as Entry;
    head.prev = head;
    head.next = head;
    this.#head = head;
  }

  get size(): number {
    return this.#size;
  }

  add(response: ServerResponse): Entry {
    const head = this.#head;
    const entry: Entry = { response, prev: head.prev, next: head };
    head.prev.next = entry;
    head.prev = entry;
    this.#size += 1;
    return entry;
  }

  remove(entry: Entry): void {
    if (entry.response === undefined) return;
    entry.prev.next = entry.next;
    entry.next.prev = entry.prev;
    // Cut the removed entry's links, so that it holds nothing that is still in flight.
    entry.prev = entry;
    entry.next = entry;
    entry.response = undefined;
    this.#size -= 1;
  }

  *[Symbol.iterator](): IterableIterator<ServerResponse> {
    for (let entry = this.#head.next; entry !== this.#head; entry = entry.next) yield entry.response!;
  }
}
