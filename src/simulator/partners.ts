// Trading partners (ECGrid IDs): every party the data uses, and which a mailbox may see: its own ID and
// the IDs it trades with (that appear as sender or receiver of its interchanges).
import type { SimMailbox } from './mailboxes.js';
import { type Party, PARTIES } from './trade.js';

export class PartnerBook {
  readonly #visible = new Map<number, Set<number>>();

  constructor(mailboxes: readonly SimMailbox[]) {
    for (const mailbox of mailboxes) this.#visible.set(mailbox.mailboxId, new Set([mailbox.ecGridId]));
  }

  /** Records that two parties traded: each side's mailbox now sees both IDs. */
  note(item: { fromMailboxId: number | undefined; toMailboxId: number | undefined; ecGridIdFrom: number; ecGridIdTo: number }): void {
    for (const mailboxId of [item.fromMailboxId, item.toMailboxId]) {
      const seen = mailboxId === undefined ? undefined : this.#visible.get(mailboxId);
      seen?.add(item.ecGridIdFrom);
      seen?.add(item.ecGridIdTo);
    }
  }

  /** Any party, visible or not. */
  get(ecGridId: number): Party | undefined {
    return PARTIES.get(ecGridId);
  }

  visible(mailboxId: number, ecGridId: number): boolean {
    return this.#visible.get(mailboxId)?.has(ecGridId) ?? false;
  }

  /** The parties a mailbox sees, its own among them, by ECGrid ID. */
  of(mailboxId: number): Party[] {
    return [...(this.#visible.get(mailboxId) ?? [])].sort((a, b) => a - b).flatMap((id) => PARTIES.get(id) ?? []);
  }
}
