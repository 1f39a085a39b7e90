/** The `interchange` root field: one interchange by its ECGrid id. */
import { builder } from '../builder.js';
import { byId, Interchange, positiveId } from './interchange.js';

builder.queryField('interchange', (t) =>
  t.field({
    type: Interchange,
    nullable: true,
    complexity: 1,
    description: 'GET /v2/interchanges/{id}: null when it does not exist or is not visible to the credential.',
    args: { interchangeId: t.arg({ type: 'SafeInt', required: true }) },
    resolve: (_root, { interchangeId }, context) => byId(positiveId(interchangeId, 'interchangeId'), context),
  }),
);
