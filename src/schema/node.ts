/**
 * The Node registry: every Node type adds itself here, so that its global ids decode, and
 * `node(id:)` and `nodes(ids:)` refetch it. Global ids are base64 of `<Type>:<id>` (Pothos' encoding).
 */
import { brandWithType } from '@pothos/core';
import type { Context } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';

export interface NodeKind<Id> {
  readonly typename: string;
  /** The id inside a global id, checked: undefined for one this server never issues. */
  readonly parseId: (text: string) => Id | undefined;
  /** The object, or null when absent or not visible to the caller. */
  readonly load: (id: Id, context: Context) => Promise<unknown>;
}

const kinds = new Map<string, NodeKind<unknown>>();

export function registerNode<Id>(kind: NodeKind<Id>): void {
  kinds.set(kind.typename, kind as NodeKind<unknown>);
}

const MAX_GLOBAL_ID_LENGTH = 128;

/** Pothos' decoder for `node(id:)` (it passes the context second, so the argument's name is fixed here). */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  return parseGlobalId(globalId, 'id');
}

/** A global id of a registered Node type, or BAD_USER_INPUT naming `argument` (never echoing the id). */
export function parseGlobalId(globalId: string, argument: string): { typename: string; id: string } {
  const decoded = globalId.length <= MAX_GLOBAL_ID_LENGTH ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const kind = colon > 0 ? kinds.get(decoded.slice(0, colon)) : undefined;
  const id = decoded.slice(colon + 1);
  if (kind === undefined || kind.parseId(id) === undefined || Buffer.from(decoded).toString('base64') !== globalId) {
    throw new BadInputError(`${argument}: not an id issued by this server`, argument);
  }
  return { typename: kind.typename, id };
}

/** One node for `nodes(ids:)`, branded with its type so the Node interface resolves it. */
export async function loadNode(typename: string, id: string, context: Context): Promise<unknown> {
  const kind = kinds.get(typename);
  if (kind === undefined) throw new BadInputError('id: not an id issued by this server', 'id');
  const node = await kind.load(kind.parseId(id), context);
  brandWithType(node, typename as never);
  return node;
}

/**
 * The items of a list field, each on its own: a throw or a rejection becomes that item's Error,
 * which graphql-js answers as null at the item's index with its own error, the others standing.
 * Every item is awaited (none is left rejected with nobody listening), and errors come in index order.
 */
export async function eachAlone(items: readonly (() => unknown)[]): Promise<unknown[]> {
  const started = items.map((item) => {
    try {
      return item();
    } catch (error) {
      return Promise.reject(error);
    }
  });
  const settled = await Promise.allSettled(started);
  return settled.map((result) => (result.status === 'fulfilled' ? result.value : asError(result.reason)));
}

// A non-Error reason would be taken for a value; as an Error it is masked like any unexpected one.
const asError = (reason: unknown): Error => (reason instanceof Error ? reason : new Error('an item failed with a non-Error value'));

/** Positive ids up to 2^53 - 1, as ECGrid's 64-bit ids are served. */
export function parsePositiveId(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}
