// Generates the simulator's interchanges from the trade in trade.ts: the same options always give the same data.
import type { SimMailbox } from './mailboxes.js';
import { Random } from './random.js';
import { BYTES, CHAINS, EXTRAS, type Party, RELATIONSHIPS } from './trade.js';

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
  /** ECGrid shows an interchange with a different status to its sender and its receiver. */
  readonly outboxStatus: string;
  readonly inboxStatus: string;
  readonly created: number;
  readonly bytes: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DatasetOptions {
  readonly seed: number;
  /** Traffic is generated for the `days` before this instant (ms since epoch). */
  readonly anchor: number;
  readonly days: number;
}

interface Draft {
  readonly from: Party;
  readonly to: Party;
  readonly standard: string;
  readonly documentType: string;
  readonly created: number;
}

/** Builds the simulator's interchanges: the same options always give the same data. */
export function generateInterchanges(options: DatasetOptions): SimInterchange[] {
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
  const result: SimInterchange[] = [];
  let interchangeId = 98_700_000;
  let parcelId = 55_500_000;
  for (const draft of drafts) {
    interchangeId += random.int(1, 3);
    parcelId += random.int(1, 2);
    result.push(finish(draft, interchangeId, parcelId, options.anchor, random));
  }
  return result;
}

/** A new interchange arriving now (used by the simulator's `deliver` control). */
export function arrivingInterchange(
  random: Random,
  to: SimMailbox,
  interchangeId: number,
  parcelId: number,
  now: number,
): SimInterchange {
  const rel = random.pick(RELATIONSHIPS.filter((r) => r.buyer.mailboxId === to.mailboxId || r.seller.mailboxId === to.mailboxId));
  const from = rel.buyer.mailboxId === to.mailboxId ? rel.seller : rel.buyer;
  const toParty = rel.buyer.mailboxId === to.mailboxId ? rel.buyer : rel.seller;
  const chain = CHAINS[rel.syntax];
  const documentType = from === rel.buyer ? chain.order : random.pick(chain.replies)[0];
  const created = Math.floor(now / 1000) * 1000;
  return finish({ from, to: toParty, standard: rel.syntax, documentType, created }, interchangeId, parcelId, now, random);
}

function finish(draft: Draft, interchangeId: number, parcelId: number, now: number, random: Random): SimInterchange {
  const [minBytes, maxBytes] = BYTES[draft.documentType] ?? [500, 20_000];
  const age = now - draft.created;
  return {
    interchangeId,
    parcelId,
    sender: draft.from.code,
    receiver: draft.to.code,
    ecGridIdFrom: draft.from.ecGridId,
    ecGridIdTo: draft.to.ecGridId,
    fromMailboxId: draft.from.mailboxId,
    toMailboxId: draft.to.mailboxId,
    standard: draft.standard,
    documentType: draft.documentType,
    outboxStatus: outboxStatus(age, random),
    inboxStatus: inboxStatus(age, random),
    created: draft.created,
    bytes: random.int(minBytes, maxBytes),
  };
}

function outboxStatus(age: number, random: Random): string {
  if (age < 10 * 60_000) return random.chance(0.7) ? 'outboxPending' : 'outboxSent';
  return random.weighted([
    ['outboxAcknowledged', 70],
    ['outboxSent', 18],
    ['outboxTransferred', 6],
    ['outboxDeliveryError', 2],
    ['outboxRetry', 1],
    ['outboxFailed', 1],
    ['Cancelled', 1],
    ['as2Sent', 1],
  ]);
}

function inboxStatus(age: number, random: Random): string {
  if (age < 2 * DAY) return random.chance(0.35) ? 'InBoxReady' : 'InBoxTransferred';
  if (age > 30 * DAY) return random.chance(0.6) ? 'InBoxArchived' : 'InBoxTransferred';
  return random.weighted([
    ['InBoxTransferred', 90],
    ['InBoxReady', 4],
    ['as2Receive', 3],
    ['ftpReceived', 3],
  ]);
}
