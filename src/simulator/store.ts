// The simulator's data: interchanges and the parcels (files) that carry them, by id and per mailbox and
// direction, trading partners, manifests and file contents; the ground truth routes answer from and tests
// compare with, and new arrivals.
import { envelopeInput } from './batching.js';
import { arrivingParcels, type Dataset, generateDataset, Ids } from './dataset.js';
import { functionalGroups, parcelContent } from './files/index.js';
import { filtered, MailboxLists, slice } from './lists.js';
import { MAILBOXES, type SimMailbox } from './mailboxes.js';
import type { ApiRow, SimDirection, SimFilter, SimInterchange, SimParcel, SimParcelFilter } from './model.js';
import { ParcelBook } from './parcels.js';
import { PartnerBook } from './partners.js';
import { Random } from './random.js';
import { manifestRow, row } from './rows.js';
import type { Party } from './trade.js';

export type { ApiRow, SimDirection, SimFilter, SimInterchange, SimParcel, SimParcelFilter } from './model.js';
export { manifestRow, parcelRow, partnerRow, row } from './rows.js';
export type { Party as SimPartner } from './trade.js';

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
  readonly #ids: Ids;
  readonly #byId = new Map<number, SimInterchange>();
  /** Per mailbox and direction, newest first (created desc, interchangeId desc): the upstream order. */
  readonly #lists = new MailboxLists<SimInterchange>(MAILBOXES.map((m) => m.mailboxId));
  readonly #parcels = new ParcelBook(MAILBOXES.map((m) => m.mailboxId));
  readonly #partners = new PartnerBook(MAILBOXES);

  constructor(options: SimDataOptions) {
    this.#now = options.now;
    this.#random = new Random(options.seed ^ 0x5eed);
    const data = generateDataset(options);
    this.#ids = new Ids(this.#random, data.ids.interchangeId, data.ids.parcelId);
    this.#add(data, 'append');
  }

  /** The simulator's clock (ms since epoch): reports are computed as of now. */
  now(): number {
    return this.#now();
  }

  mailbox(mailboxId: number): SimMailbox {
    const mailbox = MAILBOXES.find((m) => m.mailboxId === mailboxId);
    if (!mailbox) throw new Error(`no simulated mailbox ${mailboxId}`);
    return mailbox;
  }

  interchange(interchangeId: number): SimInterchange | undefined {
    return this.#byId.get(interchangeId);
  }

  /** The side a mailbox sees an interchange from, or undefined when it is none of its business. */
  interchangeSide(item: SimInterchange, mailboxId: number): SimDirection | undefined {
    return item.toMailboxId === mailboxId ? 'inbox' : item.fromMailboxId === mailboxId ? 'outbox' : undefined;
  }

  /** How many interchanges a mailbox has in one direction (undefined for an unknown mailbox). */
  count(mailboxId: number, direction: SimDirection): number | undefined {
    return this.#lists.get(mailboxId, direction)?.length;
  }

  /** The whole filtered list in upstream order, as ECGrid's rows. */
  list(mailboxId: number, direction: SimDirection, filter: SimFilter = {}): ApiRow[] {
    return this.select(mailboxId, direction, filter).map((item) => row(item, direction));
  }

  /** The filtered list in upstream order; `filter.mailboxId` is the caller's business, not applied here. */
  select(mailboxId: number, direction: SimDirection, filter: SimFilter): SimInterchange[] {
    return filtered(this.#lists.get(mailboxId, direction) ?? [], filter);
  }

  parcel(parcelId: number): SimParcel | undefined {
    return this.#parcels.get(parcelId);
  }

  /** A mailbox's parcels in one direction, newest first (created desc, parcelId desc); `status` is that side's. */
  parcels(mailboxId: number, direction: SimDirection, filter: SimParcelFilter = {}): SimParcel[] {
    return this.#parcels.select(mailboxId, direction, filter);
  }

  /** How many parcels a mailbox has in one direction (undefined for an unknown mailbox). */
  parcelCount(mailboxId: number, direction: SimDirection): number | undefined {
    return this.#parcels.count(mailboxId, direction);
  }

  /** A mailbox's InBoxReady inbox parcels, newest first. */
  pendingParcels(mailboxId: number): SimParcel[] {
    return this.#parcels.pending(mailboxId);
  }

  /** The side a mailbox sees a parcel from, or undefined when it may not see it. */
  parcelSide(parcel: SimParcel, mailboxId: number): SimDirection | undefined {
    return this.#parcels.side(parcel, mailboxId);
  }

  /** The interchanges a parcel carries, in its file's order. */
  parcelInterchanges(parcel: SimParcel): SimInterchange[] {
    return parcel.interchangeIds.flatMap((id) => this.#byId.get(id) ?? []);
  }

  /** GET /v2/parcels/manifest/{id}'s rows, or undefined for an unknown parcel. */
  parcelManifest(parcelId: number): ApiRow[] | undefined {
    const parcel = this.#parcels.get(parcelId);
    return parcel && this.parcelInterchanges(parcel).map(manifestRow);
  }

  /** GET /v2/interchanges/get-manifest/{id}'s rows (functional groups), or undefined for an unknown interchange. */
  interchangeManifest(interchangeId: number): ApiRow[] | undefined {
    const item = this.#byId.get(interchangeId);
    return item && functionalGroups(envelopeInput(item)).map((group) => ({ ...group }));
  }

  /** A parcel's file, built now (files are not kept): its interchanges' envelopes one after another. */
  parcelFile(parcelId: number): { fileName: string; content: Buffer } | undefined {
    const parcel = this.#parcels.get(parcelId);
    if (!parcel) return undefined;
    const content = parcelContent(this.parcelInterchanges(parcel).map((item) => [envelopeInput(item), item.bytes] as const));
    return { fileName: parcel.fileName, content };
  }

  /** Any ECGrid ID the data uses, visible to the caller or not. */
  partner(ecGridId: number): Party | undefined {
    return this.#partners.get(ecGridId);
  }

  /** Whether a mailbox may see an ECGrid ID: its own, or one it trades with. */
  partnerVisible(mailboxId: number, ecGridId: number): boolean {
    return this.#partners.visible(mailboxId, ecGridId);
  }

  /** The ECGrid IDs a mailbox sees, its own among them, by ECGrid ID. */
  partnersOf(mailboxId: number): Party[] {
    return this.#partners.of(mailboxId);
  }

  /** New interchanges arriving now in a mailbox's inbox, in one parcel per sender and standard; returns them as inbox rows. */
  deliver(mailboxId: number, count: number): ApiRow[] {
    const arrived = arrivingParcels(this.#random, this.mailbox(mailboxId), count, this.#ids, this.#now());
    this.#add(arrived, 'prepend');
    return arrived.interchanges.map((item) => row(item, 'inbox'));
  }

  /** A mailbox's traffic in the current UTC month, as mailbox-interchange-stats reports it. */
  stats(mailboxId: number): { sent: number; received: number; totalBytes: number; period: string } {
    const now = new Date(this.#now());
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const inPeriod = (direction: SimDirection) => slice(this.#lists.get(mailboxId, direction) ?? [], monthStart, now.getTime());
    const sent = inPeriod('outbox');
    const received = inPeriod('inbox');
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

  /** Indexes oldest-first data: appended from the newest (generation) or prepended from the oldest (arrivals). */
  #add(data: Dataset, where: 'append' | 'prepend'): void {
    const order = <T>(items: readonly T[]) => (where === 'append' ? [...items].reverse() : items);
    for (const item of order(data.interchanges)) {
      this.#byId.set(item.interchangeId, item);
      this.#lists.put(item, item.toMailboxId, item.fromMailboxId, where);
      this.#partners.note(item);
    }
    for (const parcel of order(data.parcels)) this.#parcels.add(parcel, where);
  }
}
