/** The `parcel` root field: one parcel by its ECGrid id. */
import { builder } from '../builder.js';
import { Parcel, parcelById, positiveParcelId } from './parcel.js';

builder.queryField('parcel', (t) =>
  t.field({
    type: Parcel,
    nullable: true,
    complexity: 1,
    description: 'GET /v2/parcels/{id}: null when it does not exist or is not visible to the credential.',
    args: { parcelId: t.arg({ type: 'SafeInt', required: true }) },
    resolve: (_root, { parcelId }, context) => parcelById(positiveParcelId(parcelId, 'parcelId'), context),
  }),
);
