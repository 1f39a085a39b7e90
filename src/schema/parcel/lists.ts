/** The parcel inbox and outbox (Relay connections over lists without totals) and the pending inbox. */
import type { Context } from '../../graphql/context.js';
import { BadInputError } from '../../graphql/errors.js';
import { type ConnectionArgs, type ConnectionNeeds, planConnection, resolveConnection } from '../../pagination/connection.js';
import { MAX_RECORDS_PER_PAGE } from '../../pagination/page-plan.js';
import type { Direction } from '../../upstream/types.js';
import { builder } from '../builder.js';
import { connectionNeeds } from '../fields/selection.js';
import { normaliseParcelFilter, type ParcelFilterInput, parcelListIdentity } from './filter.js';
import { Parcel } from './parcel.js';

const ParcelFilter = builder.inputType('ParcelFilter', {
  description: 'Narrows a parcel list. ECGrid compares dates on `created`, inclusively; 0 or absent ids mean any.',
  fields: (t) => ({
    mailboxId: t.int({ description: "Only this mailbox (it must be visible to the credential); absent: the credential's own." }),
    ecGridIdFrom: t.int({ description: 'Only parcels sent by this ECGrid ID.' }),
    ecGridIdTo: t.int({ description: 'Only parcels addressed to this ECGrid ID.' }),
    status: t.string({ description: 'Only parcels in this status, e.g. "InBoxReady" (sent to ECGrid verbatim).' }),
    beginDate: t.field({ type: 'DateTime', description: 'Earliest creation time (inclusive).' }),
    endDate: t.field({ type: 'DateTime', description: 'Latest creation time (inclusive).' }),
  }),
});

export const ParcelConnection = builder.connectionObject(
  {
    type: Parcel,
    name: 'ParcelConnection',
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', {
        nullable: true,
        description: 'Always null: ECGrid\'s parcel lists carry no total. `pageInfo.hasNextPage` is exact all the same.',
      }),
    }),
  },
  { name: 'ParcelEdge' },
);

function parcelConnection(
  direction: Direction,
  args: ConnectionArgs & { readonly filter?: ParcelFilterInput | null | undefined },
  context: Context,
  needs: ConnectionNeeds,
) {
  const filter = normaliseParcelFilter(args.filter);
  const plan = planConnection(parcelListIdentity(direction, filter), args, context.now);
  return resolveConnection(plan, needs, async (page, pin) => {
    const answer = await context.ecgrid.parcelPage.load({ direction, filter: { ...filter, endDate: new Date(pin) }, page });
    return { totalRecords: undefined, rows: answer.rows };
  });
}

// A page and its look-ahead row fit two upstream pages, unless the window is a whole 500 rows: then a third.
const pageCost = (args: ConnectionArgs) => (Math.max(args.first ?? 0, args.last ?? 0) >= MAX_RECORDS_PER_PAGE ? 3 : 2);

const listField = (name: 'inboxParcels' | 'outboxParcels', direction: Direction, description: string) =>
  builder.queryField(name, (t) =>
    t.connection(
      {
        type: Parcel,
        description,
        args: { filter: t.arg({ type: ParcelFilter }) },
        complexity: pageCost,
        resolve: (_root, args, context, info) => parcelConnection(direction, args, context, connectionNeeds(info)),
      },
      ParcelConnection,
    ),
  );

listField(
  'inboxParcels',
  'inbox',
  'Files received (POST /v2/parcels/inbox-list), in ECGrid\'s order. `first`/`last` take 0..500 (default 100). ' +
    'ECGrid sends no total: `first`/`after` walk forward exactly, `last` needs `before`. A walk is pinned to the time of its first page.',
);
listField('outboxParcels', 'outbox', 'Files sent (POST /v2/parcels/outbox-list). Paging works as for `inboxParcels`.');

builder.queryField('pendingParcels', (t) =>
  t.field({
    type: [Parcel],
    complexity: 1,
    description:
      'POST /v2/parcels/pending-inbox-list: the files waiting to be downloaded (InBoxReady) in a mailbox, ' +
      "the credential's own when `mailboxId` is absent or 0. Not paged.",
    args: { mailboxId: t.arg.int() },
    resolve: (_root, { mailboxId }, context) => {
      if (mailboxId != null && mailboxId < 0) throw new BadInputError('mailboxId must be a positive id (0 or absent means your own)', 'mailboxId');
      return context.ecgrid.pendingParcels.load(mailboxId ?? 0);
    },
  }),
);
