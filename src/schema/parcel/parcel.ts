/** Parcel: one file that moved through an ECGrid mailbox, as a Node and a federation entity. */
import type { Context } from '../../graphql/context.js';
import { BadInputError } from '../../graphql/errors.js';
import type { ParcelRecord } from '../../upstream/records/parcel.js';
import { readId } from '../../upstream/records/values.js';
import { builder } from '../builder.js';
import { checkedOr, exposingChecked, linkById } from '../fields/checked.js';
import { Mailbox, mailboxById } from '../mailbox/mailbox.js';
import { parsePositiveId, registerNode } from '../node.js';

export const Parcel = builder.objectRef<ParcelRecord>('Parcel');

/** One parcel of this request: from a list row already fetched, else GET /v2/parcels/{id}; null when absent or not visible. */
export const parcelById = (parcelId: number, context: Context) => context.ecgrid.parcelById.load(parcelId);

registerNode({ typename: 'Parcel', parseId: parsePositiveId, load: parcelById });

builder.node(Parcel, {
  description:
    'One file (a parcel) that ECGrid received into or sent from a mailbox; it carries one or more interchanges. ' +
    'Statuses follow its lifecycle: inbound InBoxReady, InBoxTransferred, InBoxArchived; outbound outboxPending, outboxSent, outboxAcknowledged.',
  id: { resolve: checkedOr((record: ParcelRecord) => record.parcelId, 0), parse: Number },
  loadWithoutCache: parcelById,
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      parcelId: t.field({
        type: 'SafeInt',
        description: "ECGrid's parcel id (64-bit upstream; exact up to 2^53 - 1).",
        resolve: checkedOr((record: ParcelRecord) => record.parcelId, 0),
      }),
      mailboxId: checked.exposeInt('mailboxId', { nullable: true, description: 'The mailbox the parcel belongs to.' }),
      networkId: checked.exposeInt('networkId', { nullable: true, description: "The mailbox's network." }),
      fileName: checked.exposeString('fileName', { nullable: true, description: 'The file name as ECGrid keeps it (sender-chosen; not a safe path).' }),
      bytes: checked.expose('bytes', { type: 'SafeInt', nullable: true, description: 'The size of the file in bytes.' }),
      status: checked.exposeString('status', {
        nullable: true,
        description: 'The status verbatim (e.g. "InBoxReady", "outboxSent"): ECGrid uses more values than it documents.',
      }),
      ecGridIdFrom: checked.exposeInt('ecGridIdFrom', { nullable: true, description: 'The ECGrid ID of the sender (see `from`).' }),
      ecGridIdTo: checked.exposeInt('ecGridIdTo', { nullable: true, description: 'The ECGrid ID of the receiver (see `to`).' }),
      created: checked.expose('created', { type: 'DateTime', nullable: true, description: 'When ECGrid received the file, in UTC.' }),
      modified: checked.expose('modified', { type: 'DateTime', nullable: true, description: 'When its status last changed, in UTC.' }),
    };
  },
});

builder.objectField(Parcel, 'mailbox', (t) =>
  t.field({
    type: Mailbox,
    nullable: true,
    description: 'The mailbox the parcel belongs to (by `mailboxId`, asked for once per request); null when not visible.',
    resolve: (parcel, _args, context) => linkById(parcel.mailboxId, (id) => mailboxById(id, context)),
  }),
);

// Other subgraphs extend Parcel by its ECGrid id: a JSON number, or a numeric string from gateways that treat ids as strings.
builder.asEntity(Parcel, {
  key: builder.selection<{ parcelId: number | string }>('parcelId'),
  // async: a bad representation must fail its own entry, not the whole `_entities` list.
  resolveReference: async (representation, context) => parcelById(positiveParcelId(representation.parcelId, 'representations'), context),
});

/** A parcel id argument or representation field, checked before any call. */
export function positiveParcelId(value: unknown, argument: string): number {
  const id = readId(value);
  if (id === undefined || id < 1) {
    throw new BadInputError(`${argument === 'representations' ? 'representations: parcelId' : argument} must be a positive id up to 2^53 - 1`, argument);
  }
  return id;
}
