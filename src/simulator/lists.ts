// Newest-first lists (created desc, then id desc, the upstream order): the date-range and party filters.
import type { SimFilter } from './model.js';

interface Listed {
  readonly created: number;
  readonly ecGridIdFrom: number;
  readonly ecGridIdTo: number;
}

/** The items a filter keeps, in list order; `filter.mailboxId` is the caller's business, not applied here. */
export function filtered<T extends Listed>(items: readonly T[], filter: SimFilter): T[] {
  const ranged = slice(items, filter.beginDate, filter.endDate);
  const from = filter.ecGridIdFrom || undefined;
  const to = filter.ecGridIdTo || undefined;
  if (from === undefined && to === undefined) return ranged;
  return ranged.filter((item) => (from === undefined || item.ecGridIdFrom === from) && (to === undefined || item.ecGridIdTo === to));
}

/** Items with begin <= created <= end (both inclusive) from a newest-first list. */
export function slice<T extends { readonly created: number }>(items: readonly T[], begin: number | undefined, end: number | undefined): T[] {
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

/** Lists per mailbox and direction, filled oldest first by appending or newest first by prepending. */
export class MailboxLists<T> {
  readonly #lists = new Map<string, T[]>();

  constructor(mailboxIds: readonly number[]) {
    for (const mailboxId of mailboxIds) {
      this.#lists.set(`${mailboxId}:inbox`, []);
      this.#lists.set(`${mailboxId}:outbox`, []);
    }
  }

  get(mailboxId: number, direction: 'inbox' | 'outbox'): readonly T[] | undefined {
    return this.#lists.get(`${mailboxId}:${direction}`);
  }

  /** Puts an item in its receiver's inbox and its sender's outbox, where those are known mailboxes. */
  put(item: T, toMailboxId: number | undefined, fromMailboxId: number | undefined, where: 'append' | 'prepend'): void {
    for (const [mailboxId, direction] of [[toMailboxId, 'inbox'], [fromMailboxId, 'outbox']] as const) {
      const list = mailboxId === undefined ? undefined : this.#lists.get(`${mailboxId}:${direction}`);
      if (!list) continue;
      if (where === 'append') list.push(item);
      else list.unshift(item);
    }
  }
}
