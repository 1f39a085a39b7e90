// Turns drafts into parcels and interchanges: a sender batches what it has for one receiver and standard
// into one file, ids are given in order of creation, and sizes and statuses are drawn.
import { BATCHED_STANDARDS, type EnvelopeInput, fileName, fitBytes } from './files/index.js';
import type { Lifecycle } from './lifecycle.js';
import type { Dataset, Draft, SimInterchange, SimParcel } from './model.js';
import type { Random } from './random.js';
import { BYTES, type Party, PARTIES } from './trade.js';

const HOUR = 3_600_000;
const MAX_BATCH = 12;
const ACKNOWLEDGEMENTS = new Set(['997', 'CONTRL']);

/** The next interchange and parcel ids: increasing, with gaps as other mailboxes' traffic takes some. */
export class Ids {
  constructor(
    readonly random: Random,
    public interchangeId: number,
    public parcelId: number,
  ) {}

  nextInterchange(): number {
    this.interchangeId += this.random.int(1, 3);
    return this.interchangeId;
  }

  nextParcel(): number {
    this.parcelId += this.random.int(1, 2);
    return this.parcelId;
  }
}

export const batchKey = (draft: Draft): string => `${draft.from.ecGridId}>${draft.to.ecGridId}:${draft.standard}`;

/** Drafts, oldest first, joined into the groups their files carry: per sender, receiver, standard and the sender's batch slot. */
export function batch(drafts: readonly Draft[]): Draft[][] {
  const open = new Map<string, Draft[]>();
  const groups: Draft[][] = [];
  for (const draft of drafts) {
    const hours = BATCHED_STANDARDS.has(draft.standard) ? draft.from.batchHours : 0;
    const key = hours > 0 ? `${batchKey(draft)}@${Math.floor(draft.created / (hours * HOUR))}` : undefined;
    const group = key === undefined ? undefined : open.get(key);
    if (group && group.length < MAX_BATCH) {
      group.push(draft);
    } else {
      const started: Draft[] = [draft];
      groups.push(started);
      if (key !== undefined) open.set(key, started);
    }
  }
  return groups;
}

/**
 * Parcels and interchanges from groups of drafts. A file leaves when its last draft is ready: its
 * interchanges are created `spacing` ms apart, ending then, and the parcel with its first.
 */
export function assemble(groups: readonly Draft[][], ids: Ids, spacing: number, random: Random, status: (created: number) => Lifecycle): Dataset {
  const placed = groups.map((drafts, order) => {
    const created = drafts[drafts.length - 1]!.created - (drafts.length - 1) * spacing;
    return { drafts, order, created, parcelId: 0 };
  });
  placed.sort((a, b) => a.created - b.created || a.order - b.order);
  for (const group of placed) group.parcelId = ids.nextParcel();

  const members = placed.flatMap((group) => group.drafts.map((draft, k) => ({ draft, group, created: group.created + k * spacing })));
  members.sort((a, b) => a.created - b.created || a.group.parcelId - b.group.parcelId);
  const interchanges = members.map(({ draft, group, created }) => {
    const interchangeId = ids.nextInterchange();
    const input = { ...draft, interchangeId, created, transactionSets: drawSets(draft, random) };
    const [minBytes, maxBytes] = BYTES[draft.documentType] ?? [500, 20_000];
    return { group, input, bytes: fitBytes(input, random.int(minBytes, maxBytes)) };
  });

  const byGroup = new Map(placed.map((group) => [group, [] as typeof interchanges]));
  for (const item of interchanges) byGroup.get(item.group)!.push(item);
  const parcels = placed.map((group): SimParcel => {
    const mine = byGroup.get(group)!;
    const first = group.drafts[0]!;
    const life = status(group.created);
    return {
      parcelId: group.parcelId,
      fromMailboxId: first.from.mailboxId,
      toMailboxId: first.to.mailboxId,
      ecGridIdFrom: first.from.ecGridId,
      ecGridIdTo: first.to.ecGridId,
      standard: first.standard,
      fileName: fileName(first.from.code, group.drafts.map((d) => d.documentType), first.standard, group.created, group.parcelId),
      bytes: mine.reduce((sum, item) => sum + item.bytes, 0),
      created: group.created,
      ...life,
      modified: Math.max(life.inboxModified, life.outboxModified),
      interchangeIds: mine.map((item) => item.input.interchangeId),
    };
  });
  const byParcel = new Map(parcels.map((parcel) => [parcel.parcelId, parcel]));
  return {
    parcels,
    interchanges: interchanges.map(({ group, input, bytes }): SimInterchange => {
      const parcel = byParcel.get(group.parcelId)!;
      return {
        interchangeId: input.interchangeId,
        parcelId: parcel.parcelId,
        sender: input.from.code,
        receiver: input.to.code,
        ecGridIdFrom: input.from.ecGridId,
        ecGridIdTo: input.to.ecGridId,
        fromMailboxId: input.from.mailboxId,
        toMailboxId: input.to.mailboxId,
        standard: input.standard,
        documentType: input.documentType,
        outboxStatus: parcel.outboxStatus,
        inboxStatus: parcel.inboxStatus,
        created: input.created,
        bytes,
        transactionSets: input.transactionSets,
      };
    }),
  };
}

/** Orders, invoices and shipments often carry several transaction sets; acknowledgements and documents one. */
function drawSets(draft: Draft, random: Random): number {
  if (!BATCHED_STANDARDS.has(draft.standard) || ACKNOWLEDGEMENTS.has(draft.documentType)) return 1;
  return random.weighted([[1, 70], [2, 14], [3, 8], [4, 4], [6, 4]]);
}

/** What the file builders need of an interchange. */
export function envelopeInput(item: SimInterchange): EnvelopeInput {
  return { ...item, from: party(item.ecGridIdFrom), to: party(item.ecGridIdTo) };
}

function party(ecGridId: number): Party {
  const found = PARTIES.get(ecGridId);
  if (!found) throw new Error(`no party ${ecGridId}`);
  return found;
}
