import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, fitBytes } from '../../src/simulator/files/index.js';
import type { SimParcel } from '../../src/simulator/model.js';
import { Simulator } from '../../src/simulator/simulator.js';
import { PARTIES } from '../../src/simulator/trade.js';
import { ANCHOR, TestClock } from '../helpers/index.js';

const MAILBOXES = [1001, 1002, 1003] as const;

/** Where a file contradicts its own trailers; checked without `expect` per segment, files are long. */
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) problems.push(what);
};

/** X12 interchanges of a file, checked against their own trailers; returns what the envelopes say. */
function readX12(text: string) {
  const segments = text.split('~\n');
  check(segments.pop() === '', 'X12 ends with ~ and a newline');
  const interchanges: { isa: string[]; groups: { gs: string[]; sets: string[][] }[] }[] = [];
  let current: (typeof interchanges)[number] | undefined;
  let group: { gs: string[]; sets: string[][] } | undefined;
  let set: string[] | undefined;
  for (const segment of segments) {
    const elements = segment.split('*');
    switch (elements[0]) {
      case 'ISA':
        check(segment.length + 1 === 106, `ISA is 106 characters: ${segment}`);
        current = { isa: elements, groups: [] };
        break;
      case 'GS':
        group = { gs: elements, sets: [] };
        current?.groups.push(group);
        break;
      case 'ST':
        set = [segment];
        break;
      case 'SE':
        set?.push(segment);
        check(Number(elements[1]) === set?.length, `SE01 counts the set's segments: ${segment}`);
        check(elements[2] === set?.[0]?.split('*')[2], `SE02 is ST02: ${segment}`);
        group?.sets.push(set ?? []);
        set = undefined;
        break;
      case 'GE':
        check(Number(elements[1]) === group?.sets.length, `GE01 counts the sets: ${segment}`);
        check(elements[2] === group?.gs[6], `GE02 is GS06: ${segment}`);
        break;
      case 'IEA':
        check(Number(elements[1]) === current?.groups.length, `IEA01 counts the groups: ${segment}`);
        check(elements[2] === current?.isa[13], `IEA02 is ISA13: ${segment}`);
        if (current) interchanges.push(current);
        current = undefined;
        break;
      default:
        check(set !== undefined, `a segment outside a transaction set: ${segment}`);
        set?.push(segment);
    }
  }
  check(current === undefined, 'the last ISA has its IEA');
  return interchanges;
}

/** EDIFACT interchanges (UNB..UNZ, after one UNA each), checked against their trailers. */
function readEdifact(text: string) {
  const out: { unb: string[]; messages: string[][] }[] = [];
  for (const chunk of text.split("UNA:+.? '\n").slice(1)) {
    const segments = chunk.split("'\n");
    check(segments.pop() === '', "EDIFACT ends with ' and a newline");
    const unb = segments[0]!.split('+');
    check(unb[0] === 'UNB', 'UNB follows UNA');
    const messages: string[][] = [];
    let message: string[] | undefined;
    for (const segment of segments.slice(1)) {
      const tag = segment.slice(0, 3);
      if (tag === 'UNH') message = [segment];
      else if (tag === 'UNT') {
        message?.push(segment);
        check(Number(segment.split('+')[1]) === message?.length, `UNT counts the message's segments: ${segment}`);
        check(segment.split('+')[2] === message?.[0]?.split('+')[1], `UNT's reference is UNH's: ${segment}`);
        messages.push(message ?? []);
      } else if (tag === 'UNZ') {
        check(segment === `UNZ+${messages.length}+${unb[5]}`, `UNZ counts the messages and repeats UNB's reference: ${segment}`);
      } else message?.push(segment);
    }
    out.push({ unb, messages });
  }
  return out;
}

describe('the simulator: parcel files', () => {
  let sim: Simulator;
  const clock = new TestClock();
  beforeAll(async () => {
    sim = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now });
  });
  afterAll(() => sim.close());

  /** The newest parcels of each mailbox and side, and the smallest and largest of each standard. */
  const sample = (): SimParcel[] => {
    const all = MAILBOXES.flatMap((m) => [...sim.store.parcels(m, 'inbox'), ...sim.store.parcels(m, 'outbox')]);
    const picked = new Map<number, SimParcel>();
    for (const m of MAILBOXES) for (const p of [...sim.store.parcels(m, 'inbox').slice(0, 40), ...sim.store.parcels(m, 'outbox').slice(0, 40)]) picked.set(p.parcelId, p);
    for (const standard of new Set(all.map((p) => p.standard))) {
      const bySize = all.filter((p) => p.standard === standard).sort((a, b) => a.bytes - b.bytes);
      for (const p of [...bySize.slice(0, 4), bySize[bySize.length - 1]!]) picked.set(p.parcelId, p);
    }
    return [...picked.values()];
  };

  it("builds each parcel's file to its exact size, its interchanges' envelopes in manifest order", () => {
    const standards = new Set<string>();
    for (const parcel of sample()) {
      const file = sim.parcelFile(parcel.parcelId)!;
      standards.add(parcel.standard);
      expect(file.content.length, parcel.fileName).toBe(parcel.bytes);
      expect(file.fileName).toBe(parcel.fileName);
      expect(file.fileName).toMatch(/^[A-Z_]+_[A-Za-z0-9]+_\d{8}T\d{6}_\d+\.(x12|edi|tra|vda|xml|pdf|txt|zip)$/);
      const text = file.content.toString('latin1');
      const manifest = sim.parcelManifest(parcel.parcelId)!;
      const from = PARTIES.get(parcel.ecGridIdFrom)!;
      const to = PARTIES.get(parcel.ecGridIdTo)!;
      if (parcel.standard === 'X12') {
        const interchanges = readX12(text);
        expect(interchanges.map((i) => Number(i.isa[13]))).toEqual(manifest.map((m) => Number(m['interchangeId']) % 1e9));
        for (const [k, { isa, groups }] of interchanges.entries()) {
          expect(isa.slice(5, 9)).toEqual([from.qualifier.padEnd(2), from.id.padEnd(15), to.qualifier.padEnd(2), to.id.padEnd(15)]);
          const functional = sim.interchangeManifest(Number(manifest[k]!['interchangeId']))!;
          expect(groups.map(({ gs, sets }) => ({
            functionalGroup: gs[1],
            transactionSetType: sets[0]![0]!.split('*')[1],
            transactionSetCount: sets.length,
            groupControlNumber: gs[6],
          }))).toEqual(functional);
          expect(groups.flatMap((g) => g.sets).length).toBe(manifest[k]!['count']);
        }
      } else if (parcel.standard === 'EDIFACT') {
        const interchanges = readEdifact(text);
        expect(interchanges.map((i) => i.unb[5])).toEqual(manifest.map((m) => String(m['interchangeId'])));
        for (const [k, { unb, messages }] of interchanges.entries()) {
          expect(unb.slice(2, 4)).toEqual([`${from.id}:${from.qualifier}`, `${to.id}:${to.qualifier}`]);
          expect(messages.length).toBe(manifest[k]!['count']);
          expect(messages.every((m) => m[0]!.startsWith(`UNH+`) && m[0]!.includes(`+${manifest[k]!['documentType']}:D:96A:UN`))).toBe(true);
        }
      } else if (parcel.standard === 'TRADACOMS') {
        const transmissions = text.split(/(?=^STX=)/m);
        expect(transmissions.map((t) => t.split('+')[4])).toEqual(manifest.map((m) => String(m['interchangeId'])));
        for (const transmission of transmissions) {
          expect(transmission.startsWith(`STX=ANAA:1+${from.id}:`)).toBe(true);
          const messages = transmission.match(/^MHD=/gm)!.length;
          expect(transmission.endsWith(`END=${messages}'\n`)).toBe(true);
        }
      } else if (parcel.standard === 'VDA') {
        expect(file.content.length % 128).toBe(0);
        expect(text.match(/.{128}/g)!.every((record) => /^[5-8]\d\d01/.test(record))).toBe(true);
      } else if (parcel.standard === 'PDF') {
        expect(text.startsWith('%PDF-1.4\n')).toBe(true);
        expect(text.endsWith('%%EOF\n')).toBe(true);
      } else if (parcel.standard === 'XML' || parcel.standard === 'PEPPOL') {
        expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<(cXML|Invoice) [^]*<\/(cXML|Invoice)>\n$/);
      } else if (parcel.standard === 'TXT') {
        expect(text).toMatch(/^INVENTORY\|[^]*\nTRAILER\|\d+\n$/);
      } else if (parcel.standard === 'BINARY') {
        expect(file.content.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      }
    }
    expect(problems).toEqual([]);
    expect([...standards].sort()).toEqual(['BINARY', 'EDIFACT', 'PDF', 'PEPPOL', 'TRADACOMS', 'TXT', 'VDA', 'X12', 'XML']);
  });

  it('fits an envelope to every size from its minimum up, for every kind of document', () => {
    const kinds = new Map<string, SimParcel>();
    for (const m of MAILBOXES) for (const p of [...sim.store.parcels(m, 'inbox'), ...sim.store.parcels(m, 'outbox')]) kinds.set(`${p.standard} ${sim.store.interchange(p.interchangeIds[0]!)!.documentType}`, p);
    expect(kinds.size).toBeGreaterThan(15);
    for (const parcel of kinds.values()) {
      if (parcel.standard === 'BINARY') continue;
      const item = sim.store.interchange(parcel.interchangeIds[0]!)!;
      for (const transactionSets of [1, 3]) {
        const input = { ...item, transactionSets, from: PARTIES.get(item.ecGridIdFrom)!, to: PARTIES.get(item.ecGridIdTo)! };
        const minimum = fitBytes(input, 0);
        const step = parcel.standard === 'VDA' ? 128 : 1;
        const sizes = [];
        for (let bytes = minimum; bytes < minimum + 300; bytes += step) sizes.push(bytes);
        for (const bytes of [minimum + 1_001, minimum + 5_003, minimum + 40_009]) sizes.push(parcel.standard === 'VDA' ? Math.ceil(bytes / 128) * 128 : bytes);
        const wrong = sizes.filter((bytes) => envelope(input, bytes).length !== bytes);
        expect(wrong, `${parcel.standard} ${item.documentType}`).toEqual([]);
      }
    }
  });

  it('downloads a file as base64 with its name and size, and a download changes no status', async () => {
    const parcel = sim.store.parcels(1001, 'inbox').find((p) => p.inboxStatus === 'InBoxReady')!;
    const before = sim.parcel(parcel.parcelId, 1001);
    const pending = sim.pendingParcels(1001);
    const response = await request(`${sim.url}/v2/parcels/download`, {
      method: 'POST',
      headers: { 'x-api-key': 'demo-key-acme', 'content-type': 'application/json' },
      body: JSON.stringify({ parcelId: parcel.parcelId }),
    });
    const json = (await response.body.json()) as { success: boolean; data: { parcelId: number; fileName: string; content: string; bytes: number } };
    expect(json.success).toBe(true);
    expect(json.data).toEqual({ parcelId: parcel.parcelId, fileName: before!['fileName'], content: expect.any(String), bytes: before!['bytes'] });
    expect(Buffer.from(json.data.content, 'base64')).toEqual(sim.parcelFile(parcel.parcelId)!.content);
    expect(sim.parcel(parcel.parcelId, 1001)).toEqual(before);
    expect(sim.pendingParcels(1001)).toEqual(pending);
  });
});
