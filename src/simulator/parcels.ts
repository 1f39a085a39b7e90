// The simulator's parcels: by id and per mailbox and direction (newest first, the upstream order),
// which side a mailbox sees, the filtered lists and the inbox parcels waiting to be downloaded.
import { filtered, MailboxLists } from './lists.js';
import type { SimDirection, SimParcel, SimParcelFilter } from './model.js';

export class ParcelBook {
  readonly #byId = new Map<number, SimParcel>();
  readonly #lists: MailboxLists<SimParcel>;

  constructor(mailboxIds: readonly number[]) {
    this.#lists = new MailboxLists(mailboxIds);
  }

  /** Adds a parcel: generated ones oldest last ('append'), new arrivals at the front ('prepend'). */
  add(parcel: SimParcel, where: 'append' | 'prepend'): void {
    this.#byId.set(parcel.parcelId, parcel);
    this.#lists.put(parcel, parcel.toMailboxId, parcel.fromMailboxId, where);
  }

  get(parcelId: number): SimParcel | undefined {
    return this.#byId.get(parcelId);
  }

  /** The side a mailbox sees a parcel from, or undefined when the parcel is none of its business. */
  side(parcel: SimParcel, mailboxId: number): SimDirection | undefined {
    if (parcel.toMailboxId === mailboxId) return 'inbox';
    if (parcel.fromMailboxId === mailboxId) return 'outbox';
    return undefined;
  }

  count(mailboxId: number, direction: SimDirection): number | undefined {
    return this.#lists.get(mailboxId, direction)?.length;
  }

  /** The filtered list, newest first; `filter.mailboxId` is the caller's business, not applied here. */
  select(mailboxId: number, direction: SimDirection, filter: SimParcelFilter = {}): SimParcel[] {
    const items = filtered(this.#lists.get(mailboxId, direction) ?? [], filter);
    const { status } = filter;
    if (status === undefined) return items;
    return items.filter((parcel) => (direction === 'inbox' ? parcel.inboxStatus : parcel.outboxStatus) === status);
  }

  /** Inbox parcels not yet downloaded (InBoxReady), newest first. */
  pending(mailboxId: number): SimParcel[] {
    return this.select(mailboxId, 'inbox', { status: 'InBoxReady' });
  }
}
