/** The user row reader (UserIDInfo): each field ECGrid sends checked once, where it enters. */
import type { Checked } from '../types.js';
import { fieldsOf, optionalInstant, optionalInt, optionalText, requiredInt } from './fields.js';

/** A user as GET /v2/users/me and /v2/users/{id} answer (UserIDInfo); undocumented fields (C17: an ECGrid id, a key) are dropped. */
export interface UserRecord {
  readonly userId: Checked<number>;
  readonly login: Checked<string | null>;
  readonly email: Checked<string | null>;
  readonly firstName: Checked<string | null>;
  readonly lastName: Checked<string | null>;
  readonly authLevel: Checked<string | null>;
  readonly status: Checked<string | null>;
  readonly networkId: Checked<number | null>;
  /** The user's default mailbox. */
  readonly mailboxId: Checked<number | null>;
  readonly created: Checked<string | null>;
}

export function readUser(row: unknown): UserRecord {
  const fields = fieldsOf(row);
  return {
    userId: requiredInt(fields, 'userId'),
    login: optionalText(fields['login'], 'login'),
    email: optionalText(fields['email'], 'email'),
    firstName: optionalText(fields['firstName'], 'firstName'),
    lastName: optionalText(fields['lastName'], 'lastName'),
    authLevel: optionalText(fields['authLevel'], 'authLevel'),
    status: optionalText(fields['status'], 'status'),
    networkId: optionalInt(fields['networkId'], 'networkId'),
    mailboxId: optionalInt(fields['mailboxId'], 'mailboxId'),
    created: optionalInstant(fields['created'], 'created'),
  };
}
