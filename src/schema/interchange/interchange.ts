/** Interchange: one EDI interchange, as a Node and a federation entity. */
import type { Context } from '../../graphql/context.js';
import { BadInputError } from '../../graphql/errors.js';
import { readId } from '../../upstream/records/values.js';
import { EDI_STANDARDS, type InterchangeRecord } from '../../upstream/types.js';
import { builder } from '../builder.js';
import { checkedOr, EPOCH, exposingChecked } from '../fields/checked.js';
import { parsePositiveId, registerNode } from '../node.js';

type Interchange = InterchangeRecord;

export const EDIStandard = builder.enumType('EDIStandard', {
  description:
    'The EDI standard of an interchange. ECGrid may add standards: a value this server does not know yet ' +
    'answers null with an error at that field, and `rawStandard` carries it verbatim.',
  values: EDI_STANDARDS,
});

export const Interchange = builder.objectRef<Interchange>('Interchange');

export const byId = (interchangeId: number, context: Context) =>
  context.ecgrid.interchangeById.load(interchangeId);

registerNode({ typename: 'Interchange', parseId: parsePositiveId, load: byId });

builder.node(Interchange, {
  description: 'One EDI interchange (an envelope of documents) exchanged through an ECGrid mailbox.',
  id: { resolve: checkedOr((record: Interchange) => record.interchangeId, 0), parse: Number },
  loadWithoutCache: byId,
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      interchangeId: t.field({
        type: 'SafeInt',
        description: "ECGrid's interchange id (64-bit upstream; exact up to 2^53 - 1).",
        resolve: checkedOr((record: Interchange) => record.interchangeId, 0),
      }),
      parcelId: checked.expose('parcelId', { type: 'SafeInt', nullable: true, description: 'The parcel (file) that carried the interchange.' }),
      sender: checked.exposeString('sender', { nullable: true, description: 'The sending trading partner, as ECGrid names it.' }),
      receiver: checked.exposeString('receiver', { nullable: true, description: 'The receiving trading partner, as ECGrid names it.' }),
      standard: checked.expose('standard', { type: EDIStandard, nullable: true }),
      rawStandard: checked.exposeString('rawStandard', {
        nullable: true,
        description: 'The EDI standard exactly as ECGrid sent it, including values EDIStandard does not list yet.',
      }),
      documentType: checked.exposeString('documentType', {
        nullable: true,
        description: 'The document type, e.g. "850" (X12 purchase order) or "INVOIC" (EDIFACT invoice).',
      }),
      status: checked.exposeString('status', {
        nullable: true,
        description: 'The status verbatim: ECGrid uses several vocabularies (e.g. "InBoxReady", "outboxSent", "Active").',
      }),
      created: t.field({
        type: 'DateTime',
        description: 'When ECGrid received the interchange, in UTC.',
        resolve: checkedOr((record: Interchange) => record.created, EPOCH),
      }),
    };
  },
});

// The federation entity: other subgraphs extend Interchange by its ECGrid id. Representations
// carry the id as a JSON number or, from gateways that treat ids as strings, a numeric string.
builder.asEntity(Interchange, {
  key: builder.selection<{ interchangeId: number | string }>('interchangeId'),
  // async: a bad representation must fail its own entry, not the whole `_entities` list.
  resolveReference: async (representation, context) => byId(positiveId(representation.interchangeId, 'representations'), context),
});

/** An id argument or representation field, checked before any call. */
export function positiveId(value: unknown, argument: string): number {
  const id = readId(value);
  if (id === undefined || id < 1) {
    throw new BadInputError(
      argument === 'representations'
        ? 'representations: interchangeId must be a positive id up to 2^53 - 1'
        : 'interchangeId must be a positive id',
      argument,
    );
  }
  return id;
}
