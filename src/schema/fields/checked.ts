/**
 * Fields over values ECGrid sent, checked where they entered (upstream/records): a bad value
 * costs only its own field, never its record or page.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { reportFallback } from '../../graphql/partial-errors.js';
import type { Checked } from '../../upstream/types.js';
import { describeValue } from '../../upstream/records/values.js';
import type { builder } from '../builder.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Unchecked<Record> = { readonly [Field in keyof Record]: Exclude<Record[Field], Error> };

/**
 * The field builder of a record of checked values, for exposing its nullable fields. GraphQL
 * answers a field whose value is an Error with null and that error at the field's path, so such
 * a field needs no resolver, and graphql-jit reads it inline (cheaper than a resolver call).
 */
export const exposingChecked = <Record>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Record>) =>
  t as unknown as PothosSchemaTypes.ObjectFieldBuilder<Types, Unchecked<Record>>;

type Resolver<Parent, Value> = (parent: Parent, args: unknown, context: Context, info: GraphQLResolveInfo) => Value;

/** A non-null field's resolver: the checked value, or `fallback` with the value's error at the field's path. */
export const checkedOr =
  <Parent, Value>(read: (parent: Parent) => Checked<Value>, fallback: Value): Resolver<Parent, Value> =>
  (parent, _args, context, info) => {
    const value = read(parent);
    if (!(value instanceof Error)) return value;
    reportFallback(context, info, `${value.message}; answered ${String(fallback)}`);
    return fallback;
  };

/** A non-null count's resolver over an unchecked value: the count, or 0 with an error at the field's path. */
export const countOr0 =
  <Parent>(read: (parent: Parent) => unknown): Resolver<Parent, number> =>
  (parent, _args, context, info) => {
    const value = read(parent);
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    reportFallback(context, info, `ECGrid sent ${describeValue(value)} for ${info.fieldName}, not a count; answered 0`);
    return 0;
  };

/** A non-null string's resolver over an unchecked value: the string, or "" with an error at the field's path. */
export const stringOrEmpty =
  <Parent>(read: (parent: Parent) => unknown): Resolver<Parent, string> =>
  (parent, _args, context, info) => {
    const value = read(parent);
    if (typeof value === 'string') return value;
    reportFallback(context, info, `ECGrid sent ${describeValue(value)} for ${info.fieldName}, not a string; answered ""`);
    return '';
  };

/** The fallback of a non-null DateTime: the epoch. */
export const EPOCH = new Date(0).toISOString();

/** A link by a row's id field: that field's own error if it was bad; null, with no call, for an absent or "any" (0) id. */
export function linkById<T>(id: Checked<number | null>, load: (id: number) => Promise<T>): Promise<T> | null {
  if (id instanceof Error) throw id;
  return id === null || id === 0 ? null : load(id);
}
