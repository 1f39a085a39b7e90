// The simulator's records: interchanges, the parcels (files) that carry them, and the drafts both are made from.
import type { Party } from './trade.js';

export interface SimInterchange {
  readonly interchangeId: number;
  readonly parcelId: number;
  readonly sender: string;
  readonly receiver: string;
  readonly ecGridIdFrom: number;
  readonly ecGridIdTo: number;
  /** Set when the sending / receiving party is one of the simulator's mailboxes. */
  readonly fromMailboxId: number | undefined;
  readonly toMailboxId: number | undefined;
  readonly standard: string;
  readonly documentType: string;
  /** ECGrid shows an interchange with a different status to its sender and its receiver: its parcel's on that side. */
  readonly outboxStatus: string;
  readonly inboxStatus: string;
  readonly created: number;
  /** The exact length of its envelope in its parcel's file. */
  readonly bytes: number;
  /** Transaction sets (messages) it carries: the manifests' counts. */
  readonly transactionSets: number;
}

/** A file: one or more interchanges of one sender, receiver and standard. */
export interface SimParcel {
  readonly parcelId: number;
  readonly fromMailboxId: number | undefined;
  readonly toMailboxId: number | undefined;
  readonly ecGridIdFrom: number;
  readonly ecGridIdTo: number;
  readonly standard: string;
  readonly fileName: string;
  /** The file's exact length: the sum of its interchanges' bytes. */
  readonly bytes: number;
  readonly created: number;
  /** The receiver's (inbox) and the sender's (outbox) status, and when each was reached. */
  readonly inboxStatus: string;
  readonly inboxModified: number;
  readonly outboxStatus: string;
  readonly outboxModified: number;
  /** When either side's status last changed. */
  readonly modified: number;
  /** Ascending, which is the order of their created and of the file's content. */
  readonly interchangeIds: readonly number[];
}

/** An interchange before it is batched into a parcel. */
export interface Draft {
  readonly from: Party;
  readonly to: Party;
  readonly standard: string;
  readonly documentType: string;
  readonly created: number;
}

export interface Dataset {
  /** Oldest first (created, then interchangeId). */
  readonly interchanges: readonly SimInterchange[];
  /** Oldest first (created, then parcelId). */
  readonly parcels: readonly SimParcel[];
}

export type SimDirection = 'inbox' | 'outbox';

export interface SimFilter {
  readonly mailboxId?: number | undefined;
  readonly ecGridIdFrom?: number | undefined;
  readonly ecGridIdTo?: number | undefined;
  readonly beginDate?: number | undefined;
  readonly endDate?: number | undefined;
}

export interface SimParcelFilter extends SimFilter {
  /** Compared, exactly, with the status the listing side sees. */
  readonly status?: string | undefined;
}

/** A row as ECGrid's JSON carries it. */
export type ApiRow = Record<string, string | number>;
