// A Prometheus histogram read from a server's GET /metrics, the difference of two reads, and
// quantiles of it: what a server says about the requests of one bench round.

/** Cumulative bucket counts by upper bound (seconds), ascending; the last bound is +Inf. */
export interface HistogramRead {
  readonly bounds: readonly number[];
  readonly counts: readonly number[];
}

/** The buckets of the unlabelled histogram `name` in the server's /metrics. */
export async function readHistogram(serverUrl: string, name: string): Promise<HistogramRead> {
  const response = await fetch(`${serverUrl}/metrics`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${serverUrl}/metrics: ${response.status}`);
  const pattern = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`);
  const buckets: [number, number][] = [];
  for (const line of text.split('\n')) {
    const match = pattern.exec(line);
    if (match) buckets.push([match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2])]);
  }
  if (buckets.length === 0) throw new Error(`${serverUrl}/metrics: no histogram ${name}`);
  buckets.sort((a, b) => a[0] - b[0]);
  return { bounds: buckets.map((b) => b[0]), counts: buckets.map((b) => b[1]) };
}

/** The observations made between two reads of one histogram. */
export function histogramDelta(before: HistogramRead, after: HistogramRead): HistogramRead {
  return { bounds: after.bounds, counts: after.counts.map((count, i) => count - (before.counts[i] ?? 0)) };
}

export function histogramCount(read: HistogramRead): number {
  return read.counts.at(-1) ?? 0;
}

/**
 * The q-quantile (0..1), interpolated linearly inside its bucket as Prometheus'
 * `histogram_quantile` does; Infinity when it falls past the last finite bound, NaN when empty.
 */
export function histogramQuantile(read: HistogramRead, q: number): number {
  const total = histogramCount(read);
  if (total === 0) return Number.NaN;
  const rank = q * total;
  for (let i = 0; i < read.bounds.length; i += 1) {
    if (read.counts[i]! < rank) continue;
    const upper = read.bounds[i]!;
    if (upper === Infinity) return Infinity;
    const lower = i === 0 ? 0 : read.bounds[i - 1]!;
    const below = i === 0 ? 0 : read.counts[i - 1]!;
    const inBucket = read.counts[i]! - below;
    return inBucket === 0 ? upper : lower + ((upper - lower) * (rank - below)) / inBucket;
  }
  return Infinity;
}
