/** Field readers for records: each returns the value ECGrid documents, or the EcgridBadValueError that stands in for it. */
import { EcgridBadResponseError, EcgridBadValueError } from '../errors.js';
import type { Checked } from '../types.js';
import { describeValue, isObject, readId, readUpstreamInstant } from './values.js';

const INT32_MAX = 2_147_483_647;

export const badValue = (value: unknown, field: string, what: string) =>
  new EcgridBadValueError(`ECGrid sent ${describeValue(value)} for ${field}, ${what}`);

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** A 64-bit id (parcelId, interchangeId): up to 2^53 - 1, as a number or a numeric string. */
export function optionalLongId(value: unknown, field: string): Checked<number | null> {
  if (absent(value)) return null;
  return readId(value) ?? badValue(value, field, 'not an id');
}

/** A 32-bit id or count (mailboxId, ecGridId, count): GraphQL's Int. */
export function optionalInt(value: unknown, field: string): Checked<number | null> {
  if (absent(value)) return null;
  const id = readId(value);
  return id !== undefined && id <= INT32_MAX ? id : badValue(value, field, 'not a 32-bit whole number');
}

export function optionalText(value: unknown, field: string): Checked<string | null> {
  if (absent(value)) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return badValue(value, field, 'not a string');
}

/** An id the record cannot do without: absent is an error too. */
export function requiredInt(fields: Record<string, unknown>, field: string): Checked<number> {
  return optionalInt(fields[field], field) ?? badValue(fields[field], field, 'which is required');
}

/** An ECGrid date-time as the ISO text of its instant. */
export function optionalInstant(value: unknown, field: string): Checked<string | null> {
  if (absent(value)) return null;
  return readUpstreamInstant(value) ?? badValue(value, field, 'not a date-time');
}

/** The first of a field's documented spellings that the row carries (`ecGridIdFrom` or `fromECGridId`). */
export function either(row: Record<string, unknown>, ...names: string[]): { value: unknown; field: string } {
  for (const name of names) if (!absent(row[name])) return { value: row[name], field: name };
  return { value: undefined, field: names[0]! };
}

/** A row's fields: a row that is not an object has every field in error (absent), never throws. */
export const fieldsOf = (row: unknown): Record<string, unknown> => (isObject(row) ? row : {});

/**
 * The rows of a list answer: `data` itself when it is a list, else the list it wraps under one of
 * `keys` (ECGrid's pages disagree: `data: [...]`, `data: {parcels: [...]}`, `{items: [...]}`).
 * Anything else is not a list answer at all.
 */
export function rowsOf(data: unknown, route: string, keys: readonly string[]): readonly unknown[] {
  if (Array.isArray(data)) return data;
  if (isObject(data)) {
    for (const key of keys) {
      const rows = data[key];
      if (Array.isArray(rows)) return rows;
    }
  }
  throw new EcgridBadResponseError(`${route}: data is not a list (nor an object holding one)`);
}
