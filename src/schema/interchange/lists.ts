/** The inbox and outbox: Relay connections over ECGrid's interchange lists. */
import { type ConnectionArgs, type ConnectionNeeds, planConnection, resolveConnection } from '../../pagination/connection.js';
import type { Direction } from '../../upstream/types.js';
import type { Context } from '../../graphql/context.js';
import { builder } from '../builder.js';
import { connectionNeeds } from '../fields/selection.js';
import { type FilterInput, interchangeListIdentity, normaliseFilter } from './filter.js';
import { Interchange } from './interchange.js';

const InterchangeFilter = builder.inputType('InterchangeFilter', {
  description: 'Narrows an interchange list. ECGrid compares dates inclusively; 0 or absent ids mean any.',
  fields: (t) => ({
    mailboxId: t.int({ description: 'Only this mailbox (it must be visible to the credential).' }),
    ecGridIdFrom: t.int({ description: 'Only interchanges sent by this ECGrid id.' }),
    ecGridIdTo: t.int({ description: 'Only interchanges addressed to this ECGrid id.' }),
    beginDate: t.field({ type: 'DateTime', description: 'Earliest creation time (inclusive).' }),
    endDate: t.field({ type: 'DateTime', description: 'Latest creation time (inclusive).' }),
  }),
});

export const InterchangeConnection = builder.connectionObject(
  {
    type: Interchange,
    name: 'InterchangeConnection',
    fields: (t) => ({
      totalCount: t.int({
        description: "How many interchanges match the filter (ECGrid's totalRecords for the walk's pinned window).",
        // The interchange lists always carry totalRecords.
        resolve: (connection) => connection.totalCount ?? 0,
      }),
    }),
  },
  { name: 'InterchangeEdge' },
);

/** One page of a list: its arguments checked before any call, then the fewest upstream pages. */
function interchangeConnection(
  direction: Direction,
  args: ConnectionArgs & { readonly filter?: FilterInput | null | undefined },
  context: Context,
  needs: ConnectionNeeds,
) {
  const filter = normaliseFilter(args.filter);
  const plan = planConnection(interchangeListIdentity(direction, filter), args, context.now);
  return resolveConnection(plan, needs, (page, pin) =>
    context.ecgrid.interchangePage.load({ direction, filter: { ...filter, endDate: new Date(pin) }, page }),
  );
}

const listField = (direction: Direction, description: string) =>
  builder.queryField(direction, (t) =>
    t.connection(
      {
        type: Interchange,
        description,
        args: { filter: t.arg({ type: InterchangeFilter }) },
        // A page is at most two calls; `last` without `before` or `first` first learns the total.
        complexity: (args) => (args.last != null && args.before == null && args.first == null ? 3 : 2),
        resolve: (_root, args, context, info) => interchangeConnection(direction, args, context, connectionNeeds(info)),
      },
      InterchangeConnection,
    ),
  );

listField(
  'inbox',
  'Interchanges received (POST /v2/interchanges/inbox-list), newest first as ECGrid orders them. ' +
    '`first`/`last` take 0..500 (default 100). A walk is pinned to the time of its first page: ' +
    'interchanges arriving later do not shift its pages.',
);
listField('outbox', "Interchanges sent (POST /v2/interchanges/outbox-list), in ECGrid's order. Paging works as for `inbox`.");
