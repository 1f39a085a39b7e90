/** Readers for values ECGrid sends: they check, and never throw. */

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value for an error message: short, and never more than ECGrid sent. */
export const describeValue = (value: unknown): string =>
  value === undefined ? 'nothing' : (JSON.stringify(value)?.slice(0, 60) ?? String(value));

/** ids are int64 upstream: a number, or a numeric string, up to 2^53 - 1. */
export function readId(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

// What ECGrid sends nearly always: UTC, seconds, maybe a fraction. With a day of the month up to
// 28 and an hour up to 23 no date rolls over, so the ISO text is made from the parts and
// Date.parse only validates: a Date and its toISOString per row cost more (bench/README.md).
const PLAIN_UTC = /^(\d{4}-\d{2}-([0-2]\d)T(?:[01]\d|2[0-3]):\d{2}:\d{2})(?:\.(\d+))?Z?$/;

/** An ECGrid date-time as the ISO text of its instant (`2026-11-23T20:00:35.000Z`), or undefined. */
export function readUpstreamInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const plain = PLAIN_UTC.exec(value);
  if (plain !== null && plain[2]! <= '28') {
    const text = `${plain[1]}.${plain[3] === undefined ? '000' : plain[3].slice(0, 3).padEnd(3, '0')}Z`;
    return Number.isNaN(Date.parse(text)) ? undefined : text;
  }
  return readUpstreamDate(value)?.toISOString();
}

// ECGrid times are UTC; .NET may omit the offset or send 7 fractional digits.
const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

export function readUpstreamDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO.exec(value.trim());
  if (!match) return undefined;
  const fraction = match[2] ? `.${match[2].slice(0, 3).padEnd(3, '0')}` : '';
  const date = new Date(`${match[1]}${fraction}${match[3] ?? 'Z'}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
