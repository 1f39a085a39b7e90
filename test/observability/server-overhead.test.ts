// The server's own time per request (`ecgrid_graphql_server_overhead_seconds`): the union of a
// request's ECGrid call intervals, and the histogram as GET /metrics serves it over HTTP.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUpstreamWait, type UpstreamWait } from '../../src/observability/server-overhead.js';
import { ACME, gql, startStack, type Stack, urlOf } from '../helpers/index.js';

const empty = (): UpstreamWait => ({ waitMs: 0, waitStart: -Infinity, waitEnd: -Infinity, waitEarlier: undefined });

/** Intervals fed as calls report them, in the order they end. */
function waitOf(intervals: readonly (readonly [number, number])[]): number {
  const wait = empty();
  for (const [start, end] of [...intervals].sort((a, b) => a[1] - b[1])) addUpstreamWait(wait, start, end);
  return wait.waitMs;
}

/** The union's length the slow way: merge after sorting by start. */
function unionLength(intervals: readonly (readonly [number, number])[]): number {
  let total = 0;
  let [start, end] = [-Infinity, -Infinity];
  for (const [s, e] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (s > end) {
      if (end !== -Infinity) total += end - start;
      [start, end] = [s, e];
    } else end = Math.max(end, e);
  }
  return end === -Infinity ? 0 : total + end - start;
}

describe('the union of upstream call intervals', () => {
  it('adds disjoint calls, counts overlapping ones once, and fills the gaps a long call spans', () => {
    expect(waitOf([[0, 10]])).toBe(10);
    expect(waitOf([[0, 10], [20, 25]])).toBe(15);
    expect(waitOf([[0, 10], [5, 12]])).toBe(12);
    expect(waitOf([[0, 50], [0, 50]])).toBe(50);
    // Two short calls in sequence inside a long one that ends last: the long one alone.
    expect(waitOf([[10, 20], [30, 40], [5, 45]])).toBe(40);
    // It reaches back over one gap, not the first block.
    expect(waitOf([[0, 5], [10, 20], [30, 40], [15, 45]])).toBe(5 + 35);
  });

  it('equals the union computed the slow way, for any calls', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 300 })).map(([start, length]) => [start, start + length] as const);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (intervals) => {
        expect(waitOf(intervals)).toBe(unionLength(intervals));
      }),
      { numRuns: 2_000 },
    );
  });
});

/** One histogram's samples from GET /metrics over HTTP; bucket counts by `le`, with its sum and count. */
async function histogram(stack: Stack, name: string, labels = ''): Promise<{ le: Map<string, number>; sum: number; count: number }> {
  const response = await fetch(new URL('/metrics', await urlOf(stack.app)));
  expect(response.status).toBe(200);
  const text = await response.text();
  const le = new Map<string, number>();
  let sum = 0;
  let count = 0;
  const series = labels ? `{${labels}}` : '';
  for (const line of text.split('\n')) {
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    // prom-client writes `le` first: `name_bucket{le="0.05",a="b"} 3`.
    const bucket = /^(\w+)_bucket\{le="([^"]+)",?(.*)\} \S+$/.exec(line);
    if (bucket && bucket[1] === name && bucket[3] === labels) le.set(bucket[2]!, value);
    if (line.startsWith(`${name}_sum${series} `)) sum = value;
    if (line.startsWith(`${name}_count${series} `)) count = value;
  }
  return { le, sum, count };
}

type Histogram = Awaited<ReturnType<typeof histogram>>;
const delta = (after: Histogram, before: Histogram) => ({
  count: after.count - before.count,
  sum: after.sum - before.sum,
  le: (bound: string) => (after.le.get(bound) ?? Number.NaN) - (before.le.get(bound) ?? 0),
});

const OVERHEAD = 'ecgrid_graphql_server_overhead_seconds';
const STATS = 'query Stats { mailboxStats { sent } }';
/** Two root fields, one call each, in parallel. */
const PARALLEL = '{ stats: mailboxStats { sent } page: inbox(first: 1) { totalCount } }';
const LATENCY_MS = 60;

describe('ecgrid_graphql_server_overhead_seconds over HTTP', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ simulator: { latencyMs: LATENCY_MS } });
    // The first request of a document compiles and caches it; not what these tests look at.
    for (const query of [STATS, PARALLEL]) await gql(stack.app, query, { headers: ACME });
  });
  afterAll(() => stack.close());

  it('leaves out the time waiting for ECGrid, which the request duration includes', async () => {
    const http = (s: Stack) => histogram(s, 'graphql_yoga_http_duration', 'operationType="query",operationName="Stats",method="POST",statusCode="200"');
    const [overhead0, http0] = [await histogram(stack, OVERHEAD), await http(stack)];
    for (let i = 0; i < 4; i += 1) {
      const { status, body } = await gql(stack.app, STATS, { headers: ACME });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    const overhead = delta(await histogram(stack, OVERHEAD), overhead0);
    const duration = delta(await http(stack), http0);
    expect(duration.count).toBe(4);
    // Every request took longer than the upstream latency...
    expect(duration.le('0.05')).toBe(0);
    expect(duration.sum).toBeGreaterThan((4 * LATENCY_MS) / 1_000);
    // ...and the server's own part of each is far below it.
    expect(overhead.count).toBe(4);
    expect(overhead.le('0.025')).toBe(4);
    expect(overhead.sum).toBeGreaterThan(0);
    expect(overhead.sum).toBeLessThan(duration.sum - (4 * LATENCY_MS * 0.9) / 1_000);
  });

  it('subtracts calls in flight at the same time once, not once per call', async () => {
    const before = await histogram(stack, OVERHEAD);
    stack.simulator.resetCalls();
    for (let i = 0; i < 3; i += 1) {
      const { body } = await gql(stack.app, PARALLEL, { headers: ACME });
      expect(body.errors).toBeUndefined();
    }
    // Two calls a request, each of the full latency, in parallel.
    expect(stack.simulator.calls.length).toBe(6);
    const overhead = delta(await histogram(stack, OVERHEAD), before);
    expect(overhead.count).toBe(3);
    // Subtracting both calls would leave nothing (or less than nothing) of each request.
    expect(overhead.sum).toBeGreaterThan(0);
    expect(overhead.le('0.0001')).toBe(0);
    expect(overhead.le('0.025')).toBe(3);
  });

  it('is observed whatever the log level, and not for probes or scrapes', async () => {
    // The stack's logger is silent: the counts above were made without a log line.
    const before = await histogram(stack, OVERHEAD);
    const url = await urlOf(stack.app);
    for (const path of ['/health', '/ready', '/metrics']) await (await fetch(new URL(path, url))).arrayBuffer();
    expect((await histogram(stack, OVERHEAD)).count).toBe(before.count);
  });
});
