import { Random } from './random.js';

/** A mailbox that can log in to the simulator, with its demo credentials. */
export interface SimMailbox {
  readonly mailboxId: number;
  readonly networkId: number;
  readonly ecGridId: number;
  readonly code: string;
  readonly companyName: string;
  readonly apiKey: string;
  readonly bearerToken: string;
}

/** A user that is known to ECGrid but whose AuthLevel is too low for these endpoints (403). */
export interface SimRestrictedUser {
  readonly apiKey: string;
  readonly mailboxId: number;
}

interface Party {
  readonly code: string;
  readonly ecGridId: number;
  readonly mailboxId?: number;
}

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

export const MAILBOXES: readonly SimMailbox[] = [
  {
    mailboxId: 1001,
    networkId: 40,
    ecGridId: 310001,
    code: 'ACME_RETAIL',
    companyName: 'Acme Retail Group',
    apiKey: 'demo-key-acme',
    bearerToken: 'demo-jwt-acme',
  },
  {
    mailboxId: 1002,
    networkId: 40,
    ecGridId: 310002,
    code: 'GLOBEX_MFG',
    companyName: 'Globex Manufacturing',
    apiKey: 'demo-key-globex',
    bearerToken: 'demo-jwt-globex',
  },
  {
    mailboxId: 1003,
    networkId: 40,
    ecGridId: 310003,
    code: 'INITECH_LOGISTICS',
    companyName: 'Initech Logistics',
    apiKey: 'demo-key-initech',
    bearerToken: 'demo-jwt-initech',
  },
];

export const RESTRICTED_USERS: readonly SimRestrictedUser[] = [{ apiKey: 'demo-key-restricted', mailboxId: 1001 }];

const mailboxParty = (code: string): Party => {
  const mailbox = MAILBOXES.find((m) => m.code === code);
  if (!mailbox) throw new Error(`no mailbox ${code}`);
  return { code: mailbox.code, ecGridId: mailbox.ecGridId, mailboxId: mailbox.mailboxId };
};
const ACME = mailboxParty('ACME_RETAIL');
const GLOBEX = mailboxParty('GLOBEX_MFG');
const INITECH = mailboxParty('INITECH_LOGISTICS');

let nextPartnerId = 420100;
const partner = (code: string): Party => ({ code, ecGridId: nextPartnerId++ });

const P = {
  northwind: partner('NORTHWIND_TRADERS'),
  contoso: partner('CONTOSO_LTD'),
  fabrikam: partner('FABRIKAM_INC'),
  tailspin: partner('TAILSPIN_TOYS'),
  wingtip: partner('WINGTIP_SUPPLY'),
  adventure: partner('ADVENTURE_WORKS'),
  litware: partner('LITWARE_INC'),
  proseware: partner('PROSEWARE_CO'),
  wideWorld: partner('WIDE_WORLD_IMPORTERS'),
  coho: partner('COHO_VINEYARD'),
  fourthCoffee: partner('FOURTH_COFFEE'),
  lucerne: partner('LUCERNE_PUBLISHING'),
  kaufhaus: partner('KAUFHAUS_NORD_GMBH'),
  logistiek: partner('VAN_DIJK_LOGISTIEK_BV'),
  distrib: partner('DISTRIBUTION_LYON_SA'),
  grocers: partner('BRITANNIA_GROCERS_PLC'),
  autowerk: partner('AUTOWERK_SUED_AG'),
  trey: partner('TREY_RESEARCH'),
  alpine: partner('ALPINE_SKI_HOUSE'),
  margie: partner('MARGIES_TRAVEL_GOODS'),
};

type Syntax = 'X12' | 'EDIFACT' | 'TRADACOMS' | 'VDA';

/** A document chain: what the buyer sends, and what comes back, with delays in hours. */
interface Chain {
  readonly order: string;
  readonly replies: readonly (readonly [documentType: string, probability: number, minHours: number, maxHours: number])[];
  readonly ack: string | undefined;
}

const CHAINS: Record<Syntax, Chain> = {
  X12: {
    order: '850',
    replies: [
      ['855', 0.7, 1, 24],
      ['856', 0.95, 24, 120],
      ['810', 0.97, 48, 240],
    ],
    ack: '997',
  },
  EDIFACT: {
    order: 'ORDERS',
    replies: [
      ['ORDRSP', 0.6, 2, 36],
      ['DESADV', 0.95, 24, 144],
      ['INVOIC', 0.97, 48, 288],
    ],
    ack: 'CONTRL',
  },
  TRADACOMS: {
    order: 'ORDHDR',
    replies: [
      ['ACKHDR', 0.5, 2, 24],
      ['DLCHDR', 0.9, 24, 96],
      ['INVFIL', 0.97, 48, 240],
    ],
    ack: undefined,
  },
  VDA: {
    order: '4905',
    replies: [
      ['4913', 0.95, 12, 96],
      ['4906', 0.6, 48, 240],
    ],
    ack: undefined,
  },
};

/** Trading relationships: `buyer` orders from `seller` about `perDay` times a day. */
const RELATIONSHIPS: readonly {
  readonly buyer: Party;
  readonly seller: Party;
  readonly syntax: Syntax;
  readonly perDay: number;
}[] = [
  { buyer: ACME, seller: GLOBEX, syntax: 'X12', perDay: 0.9 },
  { buyer: ACME, seller: P.northwind, syntax: 'X12', perDay: 0.8 },
  { buyer: ACME, seller: P.contoso, syntax: 'X12', perDay: 0.7 },
  { buyer: ACME, seller: P.fabrikam, syntax: 'X12', perDay: 0.6 },
  { buyer: ACME, seller: P.tailspin, syntax: 'X12', perDay: 0.6 },
  { buyer: ACME, seller: P.wingtip, syntax: 'X12', perDay: 0.5 },
  { buyer: ACME, seller: P.adventure, syntax: 'X12', perDay: 0.5 },
  { buyer: ACME, seller: P.coho, syntax: 'X12', perDay: 0.3 },
  { buyer: ACME, seller: P.fourthCoffee, syntax: 'X12', perDay: 0.4 },
  { buyer: ACME, seller: P.kaufhaus, syntax: 'EDIFACT', perDay: 0.4 },
  { buyer: ACME, seller: P.distrib, syntax: 'EDIFACT', perDay: 0.3 },
  { buyer: P.litware, seller: GLOBEX, syntax: 'X12', perDay: 0.7 },
  { buyer: P.proseware, seller: GLOBEX, syntax: 'X12', perDay: 0.5 },
  { buyer: P.wideWorld, seller: GLOBEX, syntax: 'X12', perDay: 0.4 },
  { buyer: P.logistiek, seller: GLOBEX, syntax: 'EDIFACT', perDay: 0.3 },
  { buyer: P.autowerk, seller: GLOBEX, syntax: 'VDA', perDay: 0.3 },
  { buyer: GLOBEX, seller: P.trey, syntax: 'X12', perDay: 0.3 },
  { buyer: P.grocers, seller: INITECH, syntax: 'TRADACOMS', perDay: 0.35 },
  { buyer: P.alpine, seller: INITECH, syntax: 'X12', perDay: 0.3 },
  { buyer: INITECH, seller: P.margie, syntax: 'X12', perDay: 0.15 },
  { buyer: INITECH, seller: P.lucerne, syntax: 'EDIFACT', perDay: 0.1 },
];

/** Documents outside the order chains: PDF invoice copies, cXML, PEPPOL, flat files. */
const EXTRAS: readonly {
  readonly from: Party;
  readonly to: Party;
  readonly standard: string;
  readonly documentType: string;
  readonly perDay: number;
}[] = [
  { from: P.lucerne, to: ACME, standard: 'PDF', documentType: 'INVOICE', perDay: 0.2 },
  { from: P.wideWorld, to: GLOBEX, standard: 'XML', documentType: 'OrderRequest', perDay: 0.15 },
  { from: GLOBEX, to: P.wideWorld, standard: 'XML', documentType: 'ConfirmationRequest', perDay: 0.12 },
  { from: P.kaufhaus, to: ACME, standard: 'PEPPOL', documentType: 'Invoice', perDay: 0.1 },
  { from: GLOBEX, to: P.distrib, standard: 'PEPPOL', documentType: 'Invoice', perDay: 0.08 },
  { from: INITECH, to: P.alpine, standard: 'TXT', documentType: 'INVENTORY', perDay: 0.15 },
  { from: P.alpine, to: INITECH, standard: 'BINARY', documentType: 'LABELS', perDay: 0.05 },
];

const BYTES: Record<string, readonly [number, number]> = {
  '850': [1_800, 24_000],
  '855': [1_200, 9_000],
  '856': [3_000, 60_000],
  '810': [1_500, 18_000],
  '997': [280, 700],
  ORDERS: [1_500, 20_000],
  ORDRSP: [1_000, 8_000],
  DESADV: [2_500, 45_000],
  INVOIC: [1_500, 15_000],
  CONTRL: [250, 600],
  ORDHDR: [1_200, 14_000],
  ACKHDR: [400, 2_000],
  DLCHDR: [2_000, 30_000],
  INVFIL: [1_500, 16_000],
  '4905': [2_000, 40_000],
  '4906': [1_500, 12_000],
  '4913': [1_500, 20_000],
  INVOICE: [40_000, 900_000],
  OrderRequest: [4_000, 30_000],
  ConfirmationRequest: [2_000, 12_000],
  Invoice: [6_000, 40_000],
  INVENTORY: [10_000, 400_000],
  LABELS: [200_000, 4_000_000],
};

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
