import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { reportFallback } from '../partial-errors.js';
import type { Checked } from '../upstream/types.js';
import { describeValue } from '../upstream/values.js';

/**
 * Non-null fields over values ECGrid sent: a bad value costs only its own field, answered with a
 * fallback value and an error at the field's path. (Nullable fields need no resolver: their bad
 * values are errors already, which GraphQL answers as null with an error at the path.)
 */

export function requiredCount(value: unknown, context: Context, info: GraphQLResolveInfo): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  reportFallback(context, info, `ECGrid sent ${describeValue(value)} for ${info.fieldName}, not a count; answered 0`);
  return 0;
}

export function requiredString(value: unknown, context: Context, info: GraphQLResolveInfo): string {
  if (typeof value === 'string') return value;
  reportFallback(context, info, `ECGrid sent ${describeValue(value)} for ${info.fieldName}, not a string; answered ""`);
  return '';
}

/** A checked value, or `fallback` with the value's error at the field's path. */
export function orFallback<T>(value: Checked<T>, fallback: T, context: Context, info: GraphQLResolveInfo): T {
  if (!(value instanceof Error)) return value;
  reportFallback(context, info, `${value.message}; answered ${String(fallback)}`);
  return fallback;
}

export const EPOCH = new Date(0).toISOString();
