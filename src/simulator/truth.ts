// The ground truth of the parcel, partner, manifest and file endpoints, as ECGrid's rows: what tests
// compare answers with. The Simulator is one (it extends this class).
import { type ApiRow, parcelRow, partnerRow, type SimData, type SimDirection, type SimParcelFilter } from './store.js';

export class SimulatorTruth {
  /** The records behind the rows (parcels with both sides' statuses, interchanges with their sets), for tests. */
  constructor(readonly store: SimData) {}

  /** A mailbox's parcels in one direction, newest first, as ECGrid's rows from that side. */
  parcels(mailboxId: number, direction: SimDirection, filter: SimParcelFilter = {}): ApiRow[] {
    return this.store.parcels(mailboxId, direction, filter).map((parcel) => parcelRow(parcel, direction));
  }

  /** A parcel as a mailbox sees it (GET /v2/parcels/{id}), or undefined when it may not. */
  parcel(parcelId: number, mailboxId: number): ApiRow | undefined {
    const parcel = this.store.parcel(parcelId);
    const side = parcel && this.store.parcelSide(parcel, mailboxId);
    return parcel && side && parcelRow(parcel, side);
  }

  /** A mailbox's InBoxReady parcels, newest first. */
  pendingParcels(mailboxId: number): ApiRow[] {
    return this.store.pendingParcels(mailboxId).map((parcel) => parcelRow(parcel, 'inbox'));
  }

  /** An ECGrid ID as GET /v2/ids/{id} shows it, visible to a given caller or not. */
  partner(ecGridId: number): ApiRow | undefined {
    const partner = this.store.partner(ecGridId);
    return partner && partnerRow(partner);
  }

  /** The ECGrid IDs a mailbox may see (its own and its trading partners'), by ECGrid ID. */
  partners(mailboxId: number): ApiRow[] {
    return this.store.partnersOf(mailboxId).map(partnerRow);
  }

  /** GET /v2/parcels/manifest/{id}'s rows, for any parcel. */
  parcelManifest(parcelId: number): ApiRow[] | undefined {
    return this.store.parcelManifest(parcelId);
  }

  /** GET /v2/interchanges/get-manifest/{id}'s rows, for any interchange. */
  interchangeManifest(interchangeId: number): ApiRow[] | undefined {
    return this.store.interchangeManifest(interchangeId);
  }

  /** A parcel's file, as POST /v2/parcels/download sends it (base64 of `content`). */
  parcelFile(parcelId: number): { fileName: string; content: Buffer } | undefined {
    return this.store.parcelFile(parcelId);
  }
}
