// The caller's own account as ECGrid shows it: its user (UserIDInfo), its mailbox (MailboxIDInfo) and
// the status legend (status-lists), which covers every status the simulator's data uses.
import type { SimMailbox } from './mailboxes.js';

/** UserIDInfo of the one user behind a mailbox's demo credentials. */
export function userRow(mailbox: SimMailbox): Record<string, string | number> {
  return {
    userId: mailbox.mailboxId * 10,
    login: mailbox.code.toLowerCase(),
    email: `edi@${mailbox.code.toLowerCase().replace(/_/g, '-')}.example`,
    firstName: 'EDI',
    lastName: 'Team',
    networkId: mailbox.networkId,
    mailboxId: mailbox.mailboxId,
    authLevel: 'MailboxAdmin',
    status: 'Active',
    created: '2019-03-14T09:00:00Z',
  };
}

/** MailboxIDInfo; `uniqueId` is at most 12 letters and digits, as mailboxes/create requires. */
export function mailboxRow(mailbox: SimMailbox): Record<string, string | number> {
  return {
    mailboxId: mailbox.mailboxId,
    networkId: mailbox.networkId,
    uniqueId: mailbox.code.replace(/[^A-Z0-9]/gi, '').slice(0, 12),
    companyName: mailbox.companyName,
    status: 'Active',
    created: '2019-03-14T09:00:00Z',
    modified: '2026-01-05T16:20:00Z',
  };
}

type Entry = { readonly code: string; readonly description: string };

/** The parcel lifecycle of AP/parcel-status-codes.md, plus the values the data uses beyond it. */
const PARCEL_STATUSES: readonly Entry[] = [
  { code: 'InBoxReady', description: 'Received and waiting in the inbox to be downloaded' },
  { code: 'InBoxTransferred', description: 'Downloaded and confirmed by the receiver' },
  { code: 'InBoxArchived', description: 'Downloaded and archived' },
  { code: 'outboxPending', description: 'Uploaded and waiting to be sent' },
  { code: 'outboxSent', description: 'Sent to the receiver' },
  { code: 'outboxTransferred', description: "Handed to the receiver's network" },
  { code: 'outboxAcknowledged', description: 'Sent and acknowledged by the receiver' },
  { code: 'outboxRetry', description: 'Delivery failed; ECGrid retries' },
  { code: 'outboxDeliveryError', description: 'Delivery failed for now (transient)' },
  { code: 'outboxFailed', description: 'Delivery failed for good' },
  { code: 'Cancelled', description: 'Cancelled before delivery' },
  { code: 'VaultReady', description: 'Kept in the vault' },
];

/** An interchange shows its parcel's status on each side, so it uses the same codes. */
const INTERCHANGE_STATUSES: readonly Entry[] = [
  ...PARCEL_STATUSES.filter((entry) => entry.code !== 'VaultReady'),
  { code: 'Active', description: 'In process' },
];

export function statusLists(): { parcelStatuses: Entry[]; interchangeStatuses: Entry[] } {
  return { parcelStatuses: [...PARCEL_STATUSES], interchangeStatuses: [...INTERCHANGE_STATUSES] };
}
