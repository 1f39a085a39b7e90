/** StatusLists: the legends of parcel and interchange statuses (GET /v2/status-lists), reference data cached per credential. */
import type { StatusEntryRecord, StatusListsRecord } from '../../upstream/records/status-lists.js';
import { builder } from '../builder.js';
import { checkedOr, exposingChecked } from '../fields/checked.js';

const StatusEntry = builder.objectRef<StatusEntryRecord>('StatusEntry').implement({
  description: 'One status and what it means.',
  fields: (t) => ({
    code: t.string({
      description: 'The status as records carry it, e.g. "InBoxReady" (ECGrid versions that send numeric codes give their digits).',
      resolve: checkedOr((entry: StatusEntryRecord) => entry.code, ''),
    }),
    description: exposingChecked(t).exposeString('description', { nullable: true }),
  }),
});

const StatusLists = builder.objectRef<StatusListsRecord>('StatusLists').implement({
  description: 'The status legend: every parcel and interchange status, with a description.',
  fields: (t) => ({
    parcelStatuses: t.field({ type: [StatusEntry], resolve: checkedOr((lists: StatusListsRecord) => lists.parcelStatuses, []) }),
    interchangeStatuses: t.field({ type: [StatusEntry], resolve: checkedOr((lists: StatusListsRecord) => lists.interchangeStatuses, []) }),
  }),
});

builder.queryField('statusLists', (t) =>
  t.field({
    type: StatusLists,
    complexity: 1,
    description:
      'GET /v2/status-lists: the status legend. Reference data: cached per credential for ' +
      'ECGRID_CACHE_TTL_REFERENCE_MS (default 5 minutes).',
    resolve: (_root, _args, context) => context.ecgrid.statusLists.load('all'),
  }),
);
