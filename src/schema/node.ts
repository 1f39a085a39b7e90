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

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = globalId.length <= MAX_GLOBAL_ID_LENGTH ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const kind = colon > 0 ? kinds.get(decoded.slice(0, colon)) : undefined;
  const id = decoded.slice(colon + 1);
  if (kind === undefined || kind.parseId(id) === undefined || Buffer.from(decoded).toString('base64') !== globalId) {
    throw new BadInputError('id: not an id issued by this server', 'id');
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

/** Positive ids up to 2^53 - 1, as ECGrid's 64-bit ids are served. */
export function parsePositiveId(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}
