/**
 * Manifests and the links between parcels and interchanges: ParcelManifestEntry (a parcel's
 * interchanges), FunctionalGroup (an interchange's groups), `Interchange.parcel` and `Interchange.manifest`.
 * Links cost nothing before execution: each call they make counts against the request's budget as it is made.
 */
import type { FunctionalGroupRecord, ParcelManifestRecord } from '../../upstream/records/manifest.js';
import { builder } from '../builder.js';
import { exposingChecked, linkById } from '../fields/checked.js';
import { byId as interchangeById, Interchange } from '../interchange/interchange.js';
import { Parcel, parcelById } from './parcel.js';

const ParcelManifestEntry = builder.objectRef<ParcelManifestRecord>('ParcelManifestEntry').implement({
  description: 'One interchange a parcel carried (GET /v2/parcels/manifest/{id}).',
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      interchangeId: checked.expose('interchangeId', { type: 'SafeInt', nullable: true, description: "The interchange's ECGrid id." }),
      interchange: t.field({
        type: Interchange,
        nullable: true,
        description: 'The interchange itself (GET /v2/interchanges/{id}, batched per request); null when absent or not visible.',
        resolve: (entry, _args, context) => linkById(entry.interchangeId, (id) => interchangeById(id, context)),
      }),
      sender: checked.exposeString('sender', { nullable: true }),
      receiver: checked.exposeString('receiver', { nullable: true }),
      documentType: checked.exposeString('documentType', { nullable: true, description: 'e.g. "850" or "INVOIC".' }),
      count: checked.exposeInt('count', { nullable: true, description: 'How many documents (transaction sets) of that type.' }),
    };
  },
});

const FunctionalGroup = builder.objectRef<FunctionalGroupRecord>('FunctionalGroup').implement({
  description: 'One functional group of an interchange (GET /v2/interchanges/get-manifest/{id}).',
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      functionalGroup: checked.exposeString('functionalGroup', { nullable: true, description: 'The functional identifier code, e.g. "PO" (X12 GS01).' }),
      transactionSetType: checked.exposeString('transactionSetType', { nullable: true, description: 'e.g. "850".' }),
      transactionSetCount: checked.exposeInt('transactionSetCount', { nullable: true }),
      groupControlNumber: checked.exposeString('groupControlNumber', { nullable: true, description: 'As sent: leading zeros kept.' }),
    };
  },
});

builder.objectField(Parcel, 'manifest', (t) =>
  t.field({
    type: [ParcelManifestEntry],
    nullable: true,
    description: 'The interchanges this parcel carried (GET /v2/parcels/manifest/{id}); null when ECGrid finds no such parcel.',
    resolve: (parcel, _args, context) => {
      if (parcel.parcelId instanceof Error) throw parcel.parcelId;
      return context.ecgrid.parcelManifest.load(parcel.parcelId);
    },
  }),
);

builder.objectFields(Interchange, (t) => ({
  parcel: t.field({
    type: Parcel,
    nullable: true,
    description: 'The parcel (file) that carried this interchange, by `parcelId`: batched and deduplicated per request.',
    resolve: (interchange, _args, context) => linkById(interchange.parcelId, (id) => parcelById(id, context)),
  }),
  manifest: t.field({
    type: [FunctionalGroup],
    nullable: true,
    description: "The interchange's functional groups (GET /v2/interchanges/get-manifest/{id}); null when ECGrid finds no such interchange.",
    resolve: (interchange, _args, context) => {
      const id = interchange.interchangeId;
      if (id instanceof Error) throw id;
      return context.ecgrid.interchangeManifest.load(id);
    },
  }),
}));
