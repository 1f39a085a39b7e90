/** The trading-partner reader: an ECGrid ID (ECGridIDInfo, GET /v2/ids/{id}) checked field by field. */
import type { Checked } from '../types.js';
import { badValue, fieldsOf, optionalInt, optionalText } from './fields.js';

/** One ECGrid ID: a trading partner's address on the network. */
export interface PartnerRecord {
  readonly ecGridId: Checked<number>;
  readonly mailboxId: Checked<number | null>;
  readonly networkId: Checked<number | null>;
  /** The ISA/UNB qualifier that goes with `identifier`. */
  readonly qualifier: Checked<string | null>;
  /** ECGrid's field `id`: the ISA/UNB id itself. */
  readonly identifier: Checked<string | null>;
  readonly description: Checked<string | null>;
  readonly status: Checked<string | null>;
  readonly routingGroup: Checked<string | null>;
  readonly ediStandard: Checked<string | null>;
}

export function readPartner(row: unknown): PartnerRecord {
  const fields = fieldsOf(row);
  const ecGridId = optionalInt(fields['ecGridId'], 'ecGridId');
  return {
    ecGridId: ecGridId ?? badValue(undefined, 'ecGridId', 'not an id'),
    mailboxId: optionalInt(fields['mailboxId'], 'mailboxId'),
    networkId: optionalInt(fields['networkId'], 'networkId'),
    qualifier: optionalText(fields['qualifier'], 'qualifier'),
    identifier: optionalText(fields['id'], 'id'),
    description: optionalText(fields['description'], 'description'),
    status: optionalText(fields['status'], 'status'),
    routingGroup: optionalText(fields['routingGroup'], 'routingGroup'),
    ediStandard: optionalText(fields['ediStandard'], 'ediStandard'),
  };
}
