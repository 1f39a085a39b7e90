import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { BadRecordError } from '../errors.js';
import { reportFallback } from '../partial-errors.js';

/**
 * Readers for values ECGrid sent. A bad value costs only its own field: nullable fields become
 * null with an error, non-null fields a fallback value with an error at the field's path.
 */

const describe = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60) ?? String(value));

export function requiredCount(value: unknown, context: Context, info: GraphQLResolveInfo): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  reportFallback(context, info, `ECGrid sent ${describe(value)} for ${info.fieldName}, not a count; answered 0`);
  return 0;
}

export function requiredId(value: unknown, context: Context, info: GraphQLResolveInfo): number {
  const id = readId(value);
  if (id !== undefined) return id;
  reportFallback(context, info, `ECGrid sent ${describe(value)} for ${info.fieldName}, not an id; answered 0`);
  return 0;
}

export function optionalId(value: unknown, info: GraphQLResolveInfo): number | null {
  if (value === null || value === undefined) return null;
  const id = readId(value);
  if (id === undefined) throw new BadRecordError(`ECGrid sent ${describe(value)} for ${info.fieldName}, not an id`);
  return id;
}

/** ids are int64 upstream: a number, or a numeric string, up to 2^53 - 1. */
export function readId(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

export function requiredString(value: unknown, context: Context, info: GraphQLResolveInfo): string {
  if (typeof value === 'string') return value;
  reportFallback(context, info, `ECGrid sent ${describe(value)} for ${info.fieldName}, not a string; answered ""`);
  return '';
}

export function optionalString(value: unknown, info: GraphQLResolveInfo): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new BadRecordError(`ECGrid sent ${describe(value)} for ${info.fieldName}, not a string`);
}

const EPOCH = new Date(0).toISOString();

/** The instant as its ISO text (what the DateTime scalar answers), or the epoch with an error. */
export function requiredDate(value: unknown, context: Context, info: GraphQLResolveInfo): string {
  const instant = readUpstreamInstant(value);
  if (instant !== undefined) return instant;
  reportFallback(context, info, `ECGrid sent ${describe(value)} for ${info.fieldName}, not a date-time; answered ${EPOCH}`);
  return EPOCH;
}

// What ECGrid sends nearly always: UTC, seconds, maybe a fraction. With a day of the month up to
// 28 and an hour up to 23 no date rolls over, so the ISO text is made from the parts and
// Date.parse only validates: a Date and its toISOString cost ~1 µs a row (bench/README.md).
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
