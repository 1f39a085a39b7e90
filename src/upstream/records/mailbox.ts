/** The mailbox row reader (MailboxIDInfo): each field ECGrid sends checked once, where it enters. */
import type { Checked } from '../types.js';
import { either, fieldsOf, optionalInstant, optionalInt, optionalText, requiredInt } from './fields.js';

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
