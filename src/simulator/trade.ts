// The trade the data set simulates: partners, who orders from whom and how often, document chains, sizes.
import { MAILBOXES } from './mailboxes.js';

/** A trading party: its ECGrid ID (ECGridIDInfo's fields) and, for the simulator's own, its mailbox. */
export interface Party {
  /** The name interchange rows carry as sender and receiver. */
  readonly code: string;
  readonly ecGridId: number;
  /** Set when the party is one of the simulator's mailboxes. */
  readonly mailboxId?: number;
  /** The ECGrid mailbox and network the ID routes to (another ECGrid customer's for an external party). */
  readonly homeMailboxId: number;
  readonly networkId: number;
  /** The ISA (or UNB, STX) qualifier and id. */
  readonly qualifier: string;
  readonly id: string;
  readonly description: string;
  readonly ediStandard: string;
  /** The sender's translator releases a batch file every so many hours (UTC slots); 0 sends each document on its own. */
  readonly batchHours: number;
}

const mailboxParty = (code: string, qualifier: string, id: string, batchHours: number): Party => {
  const mailbox = MAILBOXES.find((m) => m.code === code);
  if (!mailbox) throw new Error(`no mailbox ${code}`);
  return {
    code: mailbox.code,
    ecGridId: mailbox.ecGridId,
    mailboxId: mailbox.mailboxId,
    homeMailboxId: mailbox.mailboxId,
    networkId: mailbox.networkId,
    qualifier,
    id,
    description: mailbox.companyName,
    ediStandard: 'X12',
    batchHours,
  };
};
// Qualifiers valid in both X12 and EDIFACT, as these three trade in both.
const ACME = mailboxParty('ACME_RETAIL', 'ZZ', 'ACMERETAIL', 12);
const GLOBEX = mailboxParty('GLOBEX_MFG', '12', '3125550147', 24);
const INITECH = mailboxParty('INITECH_LOGISTICS', 'ZZ', 'INITECHLOG', 4);

let partners = 0;
/** An external party: another ECGrid customer's ID, on one of a few networks. */
const partner = (code: string, description: string, qualifier: string, id: string, ediStandard = 'X12'): Party => {
  const n = partners++;
  const batchHours = [8, 24, 4, 12, 24, 6][n % 6]!;
  return { code, ecGridId: 420100 + n, homeMailboxId: 2001 + n, networkId: 41 + (n % 4), qualifier, id, description, ediStandard, batchHours };
};

const P = {
  northwind: partner('NORTHWIND_TRADERS', 'Northwind Traders', '01', '083746512'),
  contoso: partner('CONTOSO_LTD', 'Contoso Ltd', '12', '4255550123'),
  fabrikam: partner('FABRIKAM_INC', 'Fabrikam Inc', 'ZZ', 'FABRIKAMEDI'),
  tailspin: partner('TAILSPIN_TOYS', 'Tailspin Toys', '08', '6141410000'),
  wingtip: partner('WINGTIP_SUPPLY', 'Wingtip Supply Co', '14', '0487621350001'),
  adventure: partner('ADVENTURE_WORKS', 'Adventure Works Cycles', '01', '112093447'),
  litware: partner('LITWARE_INC', 'Litware Inc', 'ZZ', 'LITWAREPROD'),
  proseware: partner('PROSEWARE_CO', 'Proseware Co', '12', '2065550188'),
  wideWorld: partner('WIDE_WORLD_IMPORTERS', 'Wide World Importers', '01', '045678912'),
  coho: partner('COHO_VINEYARD', 'Coho Vineyard & Winery', 'ZZ', 'COHOVINEYARD'),
  fourthCoffee: partner('FOURTH_COFFEE', 'Fourth Coffee', '01', '061234578'),
  lucerne: partner('LUCERNE_PUBLISHING', 'Lucerne Publishing', 'ZZZ', 'LUCERNEPUB', 'EDIFACT'),
  kaufhaus: partner('KAUFHAUS_NORD_GMBH', 'Kaufhaus Nord GmbH', '14', '4012345000009', 'EDIFACT'),
  logistiek: partner('VAN_DIJK_LOGISTIEK_BV', 'Van Dijk Logistiek B.V.', '14', '8712345000004', 'EDIFACT'),
  distrib: partner('DISTRIBUTION_LYON_SA', 'Distribution Lyon SA', 'ZZZ', 'DISTRIBLYON01', 'EDIFACT'),
  grocers: partner('BRITANNIA_GROCERS_PLC', 'Britannia Grocers plc', '14', '5012345000008', 'TRADACOMS'),
  autowerk: partner('AUTOWERK_SUED_AG', 'Autowerk Sued AG', 'ZZ', 'AWS0471100', 'VDA'),
  trey: partner('TREY_RESEARCH', 'Trey Research', '12', '6175550142'),
  alpine: partner('ALPINE_SKI_HOUSE', 'Alpine Ski House', 'ZZ', 'ALPINESKI'),
  margie: partner('MARGIES_TRAVEL_GOODS', "Margie's Travel Goods", '01', '079154863'),
};

/** Every party the data uses, by ECGrid ID. */
export const PARTIES: ReadonlyMap<number, Party> = new Map([ACME, GLOBEX, INITECH, ...Object.values(P)].map((p) => [p.ecGridId, p]));

type Syntax = 'X12' | 'EDIFACT' | 'TRADACOMS' | 'VDA';

/** A document chain: what the buyer sends, and what comes back, with delays in hours. */
interface Chain {
  readonly order: string;
  readonly replies: readonly (readonly [documentType: string, probability: number, minHours: number, maxHours: number])[];
  readonly ack: string | undefined;
}

export const CHAINS: Record<Syntax, Chain> = {
  X12: { order: '850', ack: '997', replies: [['855', 0.7, 1, 24], ['856', 0.95, 24, 120], ['810', 0.97, 48, 240]] },
  EDIFACT: { order: 'ORDERS', ack: 'CONTRL', replies: [['ORDRSP', 0.6, 2, 36], ['DESADV', 0.95, 24, 144], ['INVOIC', 0.97, 48, 288]] },
  TRADACOMS: { order: 'ORDHDR', ack: undefined, replies: [['ACKHDR', 0.5, 2, 24], ['DLCHDR', 0.9, 24, 96], ['INVFIL', 0.97, 48, 240]] },
  VDA: { order: '4905', ack: undefined, replies: [['4913', 0.95, 12, 96], ['4906', 0.6, 48, 240]] },
};

/** Trading relationships: `buyer` orders from `seller` about `perDay` times a day. */
export const RELATIONSHIPS: readonly {
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
export const EXTRAS: readonly {
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

/** Size range in bytes of each document type, by syntax; the last two lines are the documents outside the chains. */
export const BYTES: Record<string, readonly [number, number]> = {
  '850': [1_800, 24_000], '855': [1_200, 9_000], '856': [3_000, 60_000], '810': [1_500, 18_000], '997': [280, 700],
  ORDERS: [1_500, 20_000], ORDRSP: [1_000, 8_000], DESADV: [2_500, 45_000], INVOIC: [1_500, 15_000], CONTRL: [250, 600],
  ORDHDR: [1_200, 14_000], ACKHDR: [400, 2_000], DLCHDR: [2_000, 30_000], INVFIL: [1_500, 16_000],
  '4905': [2_000, 40_000], '4906': [1_500, 12_000], '4913': [1_500, 20_000],
  INVOICE: [40_000, 900_000], OrderRequest: [4_000, 30_000], ConfirmationRequest: [2_000, 12_000],
  Invoice: [6_000, 40_000], INVENTORY: [10_000, 400_000], LABELS: [200_000, 4_000_000],
};
