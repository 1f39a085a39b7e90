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
  const active = new Set<ServerResponse>();
  let draining = false;

  server.on('request', (_request, response: ServerResponse) => {
    active.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.once('close', () => {
      active.delete(response);
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
