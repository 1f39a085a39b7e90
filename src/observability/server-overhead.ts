// The server's own time on a request: its response time minus the wall time during which at least
// one of its ECGrid calls was in flight (`ecgrid_graphql_server_overhead_seconds`).
import { Histogram, type Registry } from 'prom-client';

/**
 * The union of a request's ECGrid call intervals so far (ms, `performance.now()` time). Calls of
 * one request run in parallel, so their durations cannot simply be added. Kept as plain fields
 * of the request's scope: no allocation unless calls leave gaps between them.
 */
export interface UpstreamWait {
  /** Length of the union so far. */
  waitMs: number;
  /** The union's last block, the one that ends latest; both -Infinity before the first call. */
  waitStart: number;
  waitEnd: number;
  /** The blocks before it, `[start, end, start, end, …]` in order; made only when calls left a gap. */
  waitEarlier: number[] | undefined;
}

/**
 * Adds the interval `[start, end]` of a call that just ended. Calls are reported as they end, so
 * `end` is never before the end of a call added earlier; a call may have started before them.
 */
export function addUpstreamWait(wait: UpstreamWait, start: number, end: number): void {
  if (start > wait.waitEnd) {
    if (wait.waitEnd !== -Infinity) (wait.waitEarlier ??= []).push(wait.waitStart, wait.waitEnd);
    wait.waitMs += end - start;
    wait.waitStart = start;
    wait.waitEnd = end;
    return;
  }
  if (end > wait.waitEnd) {
    wait.waitMs += end - wait.waitEnd;
    wait.waitEnd = end;
  }
  // A call that started before the last block covers the gaps it spans and merges the blocks it reaches.
  const earlier = wait.waitEarlier;
  let blockStart = wait.waitStart;
  while (start < blockStart) {
    const previousEnd = earlier !== undefined && earlier.length > 0 ? earlier[earlier.length - 1]! : -Infinity;
    if (previousEnd < start) {
      wait.waitMs += blockStart - start;
      blockStart = start;
      break;
    }
    wait.waitMs += blockStart - previousEnd;
    earlier!.pop();
    blockStart = earlier!.pop()!;
  }
  wait.waitStart = blockStart;
}

/** Fine enough to read a p99 between 0.1 and 5 ms; a request past 100 ms is an outlier either way. */
const OVERHEAD_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1,
];

/** The histogram, without labels: one series whatever the clients send. */
export function serverOverheadHistogram(registry: Registry): Histogram {
  return new Histogram({
    name: 'ecgrid_graphql_server_overhead_seconds',
    help:
      'Time the server spent on a GraphQL HTTP request, in seconds: its response time minus the time during which at least one ' +
      'of its own ECGrid calls was in flight. A call in flight for another request and joined through coalescing is not its own: that wait counts here.',
    buckets: OVERHEAD_BUCKETS,
    registers: [registry],
  });
}
