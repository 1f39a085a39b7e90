// The simulator's data: its interchanges by id and per mailbox and direction, the ground truth
// routes answer from and tests compare with, and new arrivals.
import { arrivingInterchange, generateInterchanges, type SimInterchange } from './dataset.js';
import { MAILBOXES, type SimMailbox } from './mailboxes.js';
import { Random } from './random.js';

export type SimDirection = 'inbox' | 'outbox';

export interface SimFilter {
  readonly mailboxId?: number | undefined;
  readonly ecGridIdFrom?: number | undefined;
  readonly ecGridIdTo?: number | undefined;
  readonly beginDate?: number | undefined;
  readonly endDate?: number | undefined;
}

export type ApiRow = Record<string, string | number>;

export interface SimDataOptions {
  readonly seed: number;
  /** Traffic is generated for the `days` before this instant (ms since epoch). */
  readonly anchor: number;
  readonly days: number;
  readonly now: () => number;
}

export class SimData {
  readonly mailboxes: readonly SimMailbox[] = MAILBOXES;
  readonly #now: () => number;
  readonly #random: Random;
  readonly #byId = new Map<number, SimInterchange>();
  /** Per mailbox and direction, newest first (created desc, interchangeId desc): the upstream order. */
  readonly #lists = new Map<string, SimInterchange[]>();
  #nextInterchangeId = 0;
  #nextParcelId = 0;

  constructor(options: SimDataOptions) {
    this.#now = options.now;
    this.#random = new Random(options.seed ^ 0x5eed);
    const all = generateInterchanges(options);
    for (const mailbox of MAILBOXES) {
      this.#lists.set(key(mailbox.mailboxId, 'inbox'), []);
      this.#lists.set(key(mailbox.mailboxId, 'outbox'), []);
    }
    for (let i = all.length - 1; i >= 0; i -= 1) this.#index(all[i]!, 'append');
    const last = all[all.length - 1];
    this.#nextInterchangeId = (last?.interchangeId ?? 98_700_000) + 1;
    this.#nextParcelId = (last?.parcelId ?? 55_500_000) + 1;
  }

  mailbox(mailboxId: number): SimMailbox {
    const mailbox = MAILBOXES.find((m) => m.mailboxId === mailboxId);
    if (!mailbox) throw new Error(`no simulated mailbox ${mailboxId}`);
    return mailbox;
  }

  interchange(interchangeId: number): SimInterchange | undefined {
    return this.#byId.get(interchangeId);
  }

  /** How many interchanges a mailbox has in one direction (undefined for an unknown mailbox). */
  count(mailboxId: number, direction: SimDirection): number | undefined {
    return this.#lists.get(key(mailboxId, direction))?.length;
  }

  /** The whole filtered list in upstream order, as ECGrid's rows. */
  list(mailboxId: number, direction: SimDirection, filter: SimFilter = {}): ApiRow[] {
    return this.select(mailboxId, direction, filter).map((item) => row(item, direction));
  }

  /** The filtered list in upstream order; `filter.mailboxId` is the caller's business, not applied here. */
  select(mailboxId: number, direction: SimDirection, filter: SimFilter): SimInterchange[] {
    const items = this.#lists.get(key(mailboxId, direction)) ?? [];
    const ranged = slice(items, filter.beginDate, filter.endDate);
    const from = filter.ecGridIdFrom || undefined;
    const to = filter.ecGridIdTo || undefined;
    if (from === undefined && to === undefined) return ranged;
    return ranged.filter(
      (item) => (from === undefined || item.ecGridIdFrom === from) && (to === undefined || item.ecGridIdTo === to),
    );
  }

  /** New interchanges arriving now in a mailbox's inbox; returns them as inbox rows. */
  deliver(mailboxId: number, count: number): ApiRow[] {
    const mailbox = this.mailbox(mailboxId);
    const delivered: ApiRow[] = [];
    for (let i = 0; i < count; i += 1) {
      const item = arrivingInterchange(this.#random, mailbox, this.#nextInterchangeId, this.#nextParcelId, this.#now());
      this.#nextInterchangeId += this.#random.int(1, 3);
      this.#nextParcelId += 1;
      this.#index(item, 'prepend');
      delivered.push(row(item, 'inbox'));
    }
    return delivered;
  }

  /** A mailbox's traffic in the current UTC month, as mailbox-interchange-stats reports it. */
  stats(mailboxId: number): { sent: number; received: number; totalBytes: number; period: string } {
    const now = new Date(this.#now());
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const inPeriod = (items: SimInterchange[]) => slice(items, monthStart, now.getTime());
    const sent = inPeriod(this.#lists.get(key(mailboxId, 'outbox')) ?? []);
    const received = inPeriod(this.#lists.get(key(mailboxId, 'inbox')) ?? []);
    let totalBytes = 0;
    for (const item of sent) totalBytes += item.bytes;
    for (const item of received) totalBytes += item.bytes;
    return {
      sent: sent.length,
      received: received.length,
      totalBytes,
      period: `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`,
    };
  }

  #index(item: SimInterchange, where: 'append' | 'prepend'): void {
    this.#byId.set(item.interchangeId, item);
    const put = (mailboxId: number | undefined, direction: SimDirection) => {
      if (mailboxId === undefined) return;
      const list = this.#lists.get(key(mailboxId, direction));
      if (!list) return;
      if (where === 'append') list.push(item);
      else list.unshift(item);
    };
    put(item.toMailboxId, 'inbox');
    put(item.fromMailboxId, 'outbox');
  }
}

/** An interchange as ECGrid's list and detail endpoints show it to its receiver (inbox) or sender (outbox). */
export function row(item: SimInterchange, direction: SimDirection): ApiRow {
  return {
    interchangeId: item.interchangeId,
    parcelId: item.parcelId,
    sender: item.sender,
    receiver: item.receiver,
    standard: item.standard,
    documentType: item.documentType,
    status: direction === 'inbox' ? item.inboxStatus : item.outboxStatus,
    created: new Date(item.created).toISOString().replace('.000Z', 'Z'),
  };
}

function key(mailboxId: number, direction: SimDirection): string {
  return `${mailboxId}:${direction}`;
}

/** Items with begin <= created <= end (both inclusive) from a newest-first list. */
function slice(items: SimInterchange[], begin: number | undefined, end: number | undefined): SimInterchange[] {
  const first = end === undefined ? 0 : lowerBound(items, (item) => item.created <= end);
  const after = begin === undefined ? items.length : lowerBound(items, (item) => item.created < begin);
  return items.slice(first, Math.max(first, after));
}

/** First index whose item satisfies `pred`, for a predicate that is false then true along the list. */
function lowerBound<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
