/** The mailbox row reader (MailboxIDInfo): each field ECGrid sends checked once, where it enters. */
import type { Checked } from '../types.js';
import { badValue, either, fieldsOf, optionalInstant, optionalInt, optionalText } from './fields.js';

/** A mailbox as GET /v2/mailboxes/{id} answers it (MailboxIDInfo). */
export interface MailboxRecord {
  readonly mailboxId: Checked<number>;
  readonly networkId: Checked<number | null>;
  readonly uniqueId: Checked<string | null>;
  readonly companyName: Checked<string | null>;
  readonly status: Checked<string | null>;
  readonly created: Checked<string | null>;
  readonly modified: Checked<string | null>;
}

/** An id the record cannot do without: absent is an error too. */
function requiredInt(fields: Record<string, unknown>, field: string): Checked<number> {
  return optionalInt(fields[field], field) ?? badValue(fields[field], field, 'which is required');
}

export function readMailbox(row: unknown): MailboxRecord {
  const fields = fieldsOf(row);
  // C13: the code samples read `mailboxName` where the reference page has `companyName`.
  const name = either(fields, 'companyName', 'mailboxName');
  return {
    mailboxId: requiredInt(fields, 'mailboxId'),
    networkId: optionalInt(fields['networkId'], 'networkId'),
    uniqueId: optionalText(fields['uniqueId'], 'uniqueId'),
    companyName: optionalText(name.value, name.field),
    status: optionalText(fields['status'], 'status'),
    created: optionalInstant(fields['created'], 'created'),
    modified: optionalInstant(fields['modified'], 'modified'),
  };
}
