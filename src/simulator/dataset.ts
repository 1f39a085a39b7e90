// Generates the simulator's traffic from the trade in trade.ts: drafts of interchanges, batched into parcels
// (files). The same options always give the same data.
import { assemble, batch, batchKey, Ids } from './batching.js';
import { arrival, lifecycle } from './lifecycle.js';
import type { SimMailbox } from './mailboxes.js';
import type { Dataset, Draft } from './model.js';
import { Random } from './random.js';
import { CHAINS, EXTRAS, RELATIONSHIPS } from './trade.js';

export { Ids } from './batching.js';
export type { Dataset, SimInterchange, SimParcel } from './model.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DatasetOptions {
  readonly seed: number;
  /** Traffic is generated for the `days` before this instant (ms since epoch). */
  readonly anchor: number;
  readonly days: number;
}

/** Builds the simulator's parcels and interchanges as they stand at the anchor; `ids` continues after them. */
export function generateDataset(options: DatasetOptions): Dataset & { readonly ids: Ids } {
  const random = new Random(options.seed);
  const start = options.anchor - options.days * DAY;
  const drafts: Draft[] = [];
  const add = (draft: Draft) => {
    const created = Math.floor(draft.created / 1000) * 1000;
    if (created >= start && created <= options.anchor) drafts.push({ ...draft, created });
  };

  for (let day = 0; day < options.days; day += 1) {
    const dayStart = start + day * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const activity = weekday === 0 || weekday === 6 ? 0.25 : 1.15;

    for (const rel of RELATIONSHIPS) {
      const orders = random.poisson(rel.perDay * activity);
      for (let i = 0; i < orders; i += 1) {
        // Business hours on the US east coast, roughly 12:00-23:00 UTC.
        const at = dayStart + 12 * HOUR + Math.floor(random.next() * 11 * HOUR);
        const standard = rel.syntax;
        const chain = CHAINS[rel.syntax];
        add({ from: rel.buyer, to: rel.seller, standard, documentType: chain.order, created: at });
        if (chain.ack) {
          add({ from: rel.seller, to: rel.buyer, standard, documentType: chain.ack, created: at + random.int(2, 90) * 60_000 });
        }
        for (const [documentType, probability, minHours, maxHours] of chain.replies) {
          if (!random.chance(probability)) continue;
          const replyAt = at + Math.floor((minHours + random.next() * (maxHours - minHours)) * HOUR);
          add({ from: rel.seller, to: rel.buyer, standard, documentType, created: replyAt });
          if (chain.ack) {
            add({
              from: rel.buyer,
              to: rel.seller,
              standard,
              documentType: chain.ack,
              created: replyAt + random.int(2, 120) * 60_000,
            });
          }
        }
      }
    }
    for (const extra of EXTRAS) {
      const count = random.poisson(extra.perDay * activity);
      for (let i = 0; i < count; i += 1) {
        add({ ...extra, created: dayStart + Math.floor(random.next() * DAY) });
      }
    }
  }
  drafts.sort((a, b) => a.created - b.created);
  const ids = new Ids(random, 98_700_000, 55_500_000);
  const data = assemble(batch(drafts), ids, 1000, random, (created) => lifecycle(created, options.anchor, random));
  return { ...data, ids };
}

/** New interchanges arriving now in a mailbox's inbox (the `deliver` control): one parcel per sender and standard. */
export function arrivingParcels(random: Random, to: SimMailbox, count: number, ids: Ids, now: number): Dataset {
  const created = Math.floor(now / 1000) * 1000;
  const byKey = new Map<string, Draft[]>();
  const rels = RELATIONSHIPS.filter((r) => r.buyer.mailboxId === to.mailboxId || r.seller.mailboxId === to.mailboxId);
  for (let i = 0; i < count; i += 1) {
    const rel = random.pick(rels);
    const from = rel.buyer.mailboxId === to.mailboxId ? rel.seller : rel.buyer;
    const toParty = rel.buyer.mailboxId === to.mailboxId ? rel.buyer : rel.seller;
    const chain = CHAINS[rel.syntax];
    const documentType = from === rel.buyer ? chain.order : random.pick(chain.replies)[0];
    const draft: Draft = { from, to: toParty, standard: rel.syntax, documentType, created };
    byKey.set(batchKey(draft), [...(byKey.get(batchKey(draft)) ?? []), draft]);
  }
  return assemble([...byKey.values()], ids, 0, random, () => arrival(created));
}
