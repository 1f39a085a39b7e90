import autocannon from 'autocannon';
import { Pool } from 'undici';
import { percentile } from './stats.js';

export interface Target {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** Request bodies, sent in turn. */
  readonly bodies: readonly string[];
}

export interface ClosedLoopResult {
  readonly rps: number;
  readonly requests: number;
  readonly failures: number;
  readonly p50: number;
  readonly p99: number;
}

/** As many requests as `connections` keep in flight, for `seconds`: the throughput. */
export async function closedLoop(target: Target, options: { connections: number; seconds: number }): Promise<ClosedLoopResult> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    requests: target.bodies.map((body) => ({ method: 'POST', body })),
    connections: options.connections,
    duration: options.seconds,
    timeout: 20,
  });
  return {
    rps: result['2xx'] / options.seconds,
    requests: result['2xx'],
    failures: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * The closed loop for heavy queries (a request of 100 links, answered in a second or more under
 * load): `connections` clients send for `seconds`, then every request still in flight is awaited
 * and counted, and the rate is over the whole time. autocannon drops the requests in flight when
 * its time is up, which for requests this long is a large share of the run; and a request left
 * running would load whichever server is measured next. An answer with GraphQL errors counts as
 * failed, so a server that answers fast by failing part of the query gains nothing.
 */
export async function closedLoopDrained(target: Target, options: { connections: number; seconds: number }): Promise<ClosedLoopResult> {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  let failures = 0;
  const start = performance.now();
  const end = start + options.seconds * 1000;
  const client = async (first: number) => {
    for (let i = first; performance.now() < end; i += 1) {
      const sentAt = performance.now();
      try {
        const response = await pool.request({ path: url.pathname, method: 'POST', headers: target.headers, body: target.bodies[i % target.bodies.length]! });
        const text = await response.body.text();
        if (response.statusCode !== 200 || text.includes('"errors"')) failures += 1;
        else latencies.push(performance.now() - sentAt);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => client(i)));
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, requests: latencies.length, failures, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export interface OpenLoopResult {
  readonly p50: number;
  readonly p99: number;
  readonly sent: number;
  readonly failures: number;
}

/**
 * A fixed request rate, independent of the answers (open loop), in fractional milliseconds.
 * Latency runs from the moment each request is handed to the client: the generator shares two
 * cores with the servers, and its own pauses would otherwise be counted against whichever server
 * it was measuring.
 */
export async function fixedRate(target: Target, options: { rate: number; seconds: number }): Promise<OpenLoopResult> {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections: 128, pipelining: 1 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  const one = async (body: string) => {
    const sentAt = performance.now();
    try {
      const response = await pool.request({ path: url.pathname, method: 'POST', headers: target.headers, body });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"')) failures += 1;
      else latencies.push(performance.now() - sentAt);
    } catch {
      failures += 1;
    }
  };
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor((now - start) / interval) + 1);
    for (; sent < due; sent += 1) {
      const promise = one(target.bodies[sent % target.bodies.length]!);
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(interval, 1))));
  }
  await Promise.all(inFlight);
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), sent, failures };
}

/** One request, checked: the bench refuses to measure a server that answers wrongly. */
export async function post(url: string, headers: Record<string, string>, body: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: { data?: Record<string, unknown>; errors?: unknown };
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${url}: not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  if (response.status !== 200 || json.errors || !json.data) {
    throw new Error(`${url}: bad answer (${response.status}): ${text.slice(0, 300)}`);
  }
  return json.data;
}
