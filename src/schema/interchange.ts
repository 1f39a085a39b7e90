import { builder } from '../builder.js';
import { BadInputError } from '../bad-input-error.js';
import { planConnection, resolveConnection } from '../pagination/connection.js';
import { normaliseFilter } from '../pagination/filter.js';
import { EDI_STANDARDS } from '../upstream/interchange-record.js';
import type { Direction, InterchangeRecord } from '../upstream/types.js';
import { readId } from '../upstream/values.js';
import { selectedFieldNames } from './selection.js';
import { EPOCH, orFallback } from './upstream-values.js';

export const EDIStandard = builder.enumType('EDIStandard', {
  description:
    'The EDI standard of an interchange. ECGrid may add standards: a value this server does not know yet ' +
    'answers null with an error at that field, and `rawStandard` carries it verbatim.',
  values: EDI_STANDARDS,
});

export const Interchange = builder.objectRef<InterchangeRecord>('Interchange');

// GraphQL answers a field whose value is an Error with null and that error at the field's path
// (graphql-js and graphql-jit alike). So a nullable field serves its checked value as it is, with
// no resolver, which graphql-jit reads inline: a resolver call costs more than the value
// (bench/README.md). Typed as if errors were absent, for Pothos' expose.
type Served = { readonly [Field in keyof InterchangeRecord]: Exclude<InterchangeRecord[Field], Error> };
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
const served = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, InterchangeRecord>) =>
  t as unknown as PothosSchemaTypes.ObjectFieldBuilder<Types, Served>;

builder.node(Interchange, {
  description: 'One EDI interchange (an envelope of documents) exchanged through an ECGrid mailbox.',
  id: {
    resolve: (record, _args, context, info) => orFallback(record.interchangeId, 0, context, info),
    parse: (id) => Number(id),
  },
  loadWithoutCache: (id, context) => context.ecgrid.interchangeById.load(id),
  fields: (t) => ({
    interchangeId: t.field({
      type: 'SafeInt',
      description: "ECGrid's interchange id (64-bit upstream; exact up to 2^53 - 1).",
      resolve: (record, _args, context, info) => orFallback(record.interchangeId, 0, context, info),
    }),
    parcelId: served(t).expose('parcelId', {
      type: 'SafeInt',
      nullable: true,
      description: 'The parcel (file) that carried the interchange.',
    }),
    sender: served(t).exposeString('sender', {
      nullable: true,
      description: 'The sending trading partner, as ECGrid names it.',
    }),
    receiver: served(t).exposeString('receiver', {
      nullable: true,
      description: 'The receiving trading partner, as ECGrid names it.',
    }),
    standard: served(t).expose('standard', { type: EDIStandard, nullable: true }),
    rawStandard: served(t).exposeString('rawStandard', {
      nullable: true,
      description: 'The EDI standard exactly as ECGrid sent it, including values EDIStandard does not list yet.',
    }),
    documentType: served(t).exposeString('documentType', {
      nullable: true,
      description: 'The document type, e.g. "850" (X12 purchase order) or "INVOIC" (EDIFACT invoice).',
    }),
    status: served(t).exposeString('status', {
      nullable: true,
      description: 'The status verbatim: ECGrid uses several vocabularies (e.g. "InBoxReady", "outboxSent", "Active").',
    }),
    created: t.field({
      type: 'DateTime',
      description: 'When ECGrid received the interchange, in UTC.',
      resolve: (record, _args, context, info) => orFallback(record.created, EPOCH, context, info),
    }),
  }),
});

// The federation entity: other subgraphs extend Interchange by its ECGrid id. Representations
// carry the id as a JSON number or, from gateways that treat ids as strings, a numeric string.
builder.asEntity(Interchange, {
  key: builder.selection<{ interchangeId: number | string }>('interchangeId'),
  // async: a bad representation must fail its own entry, not the whole `_entities` list.
  resolveReference: async (representation, context) =>
    context.ecgrid.interchangeById.load(entityId(representation.interchangeId)),
});

function entityId(value: unknown): number {
  const id = readId(value);
  if (id === undefined || id < 1) {
    throw new BadInputError('representations: interchangeId must be a positive id up to 2^53 - 1', 'representations');
  }
  return id;
}

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
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  { name: 'InterchangeEdge' },
);

const listField = (direction: Direction, description: string) =>
  builder.queryField(direction, (t) =>
    t.connection(
      {
        type: Interchange,
        description,
        args: { filter: t.arg({ type: InterchangeFilter }) },
        // A page is at most two calls; `last` without `before` or `first` first learns the total.
        complexity: (args) => (args.last != null && args.before == null && args.first == null ? 3 : 2),
        resolve: (_root, args, context, info) => {
          const plan = planConnection(direction, normaliseFilter(args.filter), args, context.now);
          const selected = selectedFieldNames(info);
          return resolveConnection(
            plan,
            { edges: selected.has('edges'), pageInfo: selected.has('pageInfo'), totalCount: selected.has('totalCount') },
            (request) => context.ecgrid.interchangePage.load(request),
          );
        },
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
listField(
  'outbox',
  'Interchanges sent (POST /v2/interchanges/outbox-list), in ECGrid\'s order. Paging works as for `inbox`.',
);

builder.queryField('interchange', (t) =>
  t.field({
    type: Interchange,
    nullable: true,
    complexity: 1,
    description: 'GET /v2/interchanges/{id}: null when it does not exist or is not visible to the credential.',
    args: { interchangeId: t.arg({ type: 'SafeInt', required: true }) },
    resolve: (_root, { interchangeId }, context) => {
      if (readId(interchangeId) === undefined || interchangeId < 1) {
        throw new BadInputError('interchangeId must be a positive id', 'interchangeId');
      }
      return context.ecgrid.interchangeById.load(interchangeId);
    },
  }),
);
