/**
 * The manifest readers. "Manifest" means two things upstream (ENDPOINTS.md §6 C8): a parcel's
 * manifest lists its interchanges; an interchange's lists its functional groups.
 */
import type { Checked } from '../types.js';
import { fieldsOf, optionalInt, optionalLongId, optionalText } from './fields.js';

/** One interchange of a parcel (GET /v2/parcels/manifest/{id}). */
export interface ParcelManifestRecord {
  readonly interchangeId: Checked<number | null>;
  readonly sender: Checked<string | null>;
  readonly receiver: Checked<string | null>;
  readonly documentType: Checked<string | null>;
  readonly count: Checked<number | null>;
}

/** One functional group of an interchange (GET /v2/interchanges/get-manifest/{id}). */
export interface FunctionalGroupRecord {
  readonly functionalGroup: Checked<string | null>;
  readonly transactionSetType: Checked<string | null>;
  readonly transactionSetCount: Checked<number | null>;
  readonly groupControlNumber: Checked<string | null>;
}

export function readParcelManifestEntry(row: unknown): ParcelManifestRecord {
  const fields = fieldsOf(row);
  return {
    interchangeId: optionalLongId(fields['interchangeId'], 'interchangeId'),
    sender: optionalText(fields['sender'], 'sender'),
    receiver: optionalText(fields['receiver'], 'receiver'),
    documentType: optionalText(fields['documentType'], 'documentType'),
    count: optionalInt(fields['count'], 'count'),
  };
}

export function readFunctionalGroup(row: unknown): FunctionalGroupRecord {
  const fields = fieldsOf(row);
  return {
    functionalGroup: optionalText(fields['functionalGroup'], 'functionalGroup'),
    transactionSetType: optionalText(fields['transactionSetType'], 'transactionSetType'),
    transactionSetCount: optionalInt(fields['transactionSetCount'], 'transactionSetCount'),
    // Control numbers are digits with meaningful leading zeros: a number loses them, so text is kept as sent.
    groupControlNumber: optionalText(fields['groupControlNumber'], 'groupControlNumber'),
  };
}
