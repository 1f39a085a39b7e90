import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRow, SimDirection } from '../../src/simulator/simulator.js';
import { Simulator } from '../../src/simulator/simulator.js';
import { ANCHOR, TestClock } from '../helpers/index.js';

const MAILBOXES = [1001, 1002, 1003] as const;
const DIRECTIONS: readonly SimDirection[] = ['inbox', 'outbox'];
const KEYS: Record<number, string> = { 1001: 'demo-key-acme', 1002: 'demo-key-globex', 1003: 'demo-key-initech' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the simulator: parcels, partners and manifests', () => {
  let sim: Simulator;
  const clock = new TestClock();
  beforeAll(async () => {
    sim = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now });
  });
  afterAll(() => sim.close());

  const call = async (method: string, path: string, body?: unknown, mailboxId = 1001) => {
    const response = await request(`${sim.url}${path}`, {
      method,
      headers: { 'x-api-key': KEYS[mailboxId]!, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    return { status: response.statusCode, json: text ? JSON.parse(text) : undefined };
  };

  it("puts every interchange in a real parcel whose manifest lists exactly the parcel's interchanges, on both sides", () => {
    for (const mailboxId of MAILBOXES) {
      for (const direction of DIRECTIONS) {
        const rows = sim.list(mailboxId, direction);
        const byParcel = new Map<number, ApiRow[]>();
        for (const row of rows) byParcel.set(Number(row['parcelId']), [...(byParcel.get(Number(row['parcelId'])) ?? []), row]);
        const parcels = sim.parcels(mailboxId, direction);
        expect(new Set(parcels.map((p) => Number(p['parcelId'])))).toEqual(new Set(byParcel.keys()));
        for (const parcel of parcels) {
          const id = Number(parcel['parcelId']);
          const mine = byParcel.get(id)!;
          const manifest = sim.parcelManifest(id)!;
          expect(manifest.map((m) => m['interchangeId']).sort()).toEqual(mine.map((r) => r['interchangeId']).sort());
          expect(parcel['mailboxId']).toBe(mailboxId);
          // Each side sees its own status, which its interchanges share.
          expect(new Set(mine.map((r) => r['status']))).toEqual(new Set([parcel['status']]));
          const record = sim.store.parcel(id)!;
          expect(record.bytes).toBe(record.interchangeIds.reduce((sum, i) => sum + sim.store.interchange(i)!.bytes, 0));
          expect(parcel['bytes']).toBe(record.bytes);
          for (const entry of manifest) {
            const item = sim.store.interchange(Number(entry['interchangeId']))!;
            expect(entry).toEqual({ interchangeId: item.interchangeId, sender: item.sender, receiver: item.receiver, documentType: item.documentType, count: item.transactionSets });
          }
        }
      }
    }
  });

  it('batches interchanges into files: a busy page of 100 interchanges has far fewer distinct parcels', () => {
    for (const [mailboxId, direction] of [[1001, 'inbox'], [1001, 'outbox'], [1002, 'inbox'], [1002, 'outbox']] as const) {
      const page = sim.list(mailboxId, direction).slice(0, 100);
      const distinct = new Set(page.map((r) => r['parcelId'])).size;
      expect(distinct, `${mailboxId} ${direction}`).toBeGreaterThanOrEqual(30);
      expect(distinct, `${mailboxId} ${direction}`).toBeLessThanOrEqual(85);
    }
    // One sender, one receiver, one standard per file; parcel ids follow their creation, interchange ids theirs.
    for (const parcel of sim.store.parcels(1001, 'inbox')) {
      const items = parcel.interchangeIds.map((id) => sim.store.interchange(id)!);
      expect(new Set(items.map((i) => `${i.ecGridIdFrom}>${i.ecGridIdTo} ${i.standard}`))).toEqual(new Set([`${parcel.ecGridIdFrom}>${parcel.ecGridIdTo} ${parcel.standard}`]));
      expect(items.every((item, k) => k === 0 || item.created >= items[k - 1]!.created)).toBe(true);
      expect(items[0]!.created).toBeGreaterThanOrEqual(parcel.created);
    }
    const parcels = sim.store.parcels(1001, 'inbox');
    expect(parcels.every((p, i) => i === 0 || p.created < parcels[i - 1]!.created || (p.created === parcels[i - 1]!.created && p.parcelId < parcels[i - 1]!.parcelId))).toBe(true);
  });

  it('ages parcels through their lifecycle: newer inbound ones ready, older transferred, oldest archived; outbound acknowledged', () => {
    const ages = (direction: SimDirection) => {
      const byStatus = new Map<string, number[]>();
      for (const mailboxId of MAILBOXES) {
        for (const parcel of sim.store.parcels(mailboxId, direction)) {
          const status = direction === 'inbox' ? parcel.inboxStatus : parcel.outboxStatus;
          const modified = direction === 'inbox' ? parcel.inboxModified : parcel.outboxModified;
          expect(modified).toBeGreaterThanOrEqual(parcel.created);
          expect(modified).toBeLessThanOrEqual(ANCHOR);
          byStatus.set(status, [...(byStatus.get(status) ?? []), ANCHOR - parcel.created]);
        }
      }
      return byStatus;
    };
    const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const inbound = ages('inbox');
    const [ready, transferred, archived] = ['InBoxReady', 'InBoxTransferred', 'InBoxArchived'].map((s) => inbound.get(s) ?? []) as [number[], number[], number[]];
    expect(ready.length).toBeGreaterThan(0);
    expect(mean(ready)).toBeLessThan(mean(transferred));
    expect(mean(transferred)).toBeLessThan(mean(archived));
    expect(Math.min(...archived)).toBeGreaterThan(5 * DAY);
    const outbound = ages('outbox');
    for (const status of ['outboxSent', 'outboxAcknowledged', 'outboxFailed']) expect(outbound.has(status), status).toBe(true);
    expect(mean(outbound.get('outboxSent')!)).toBeLessThan(mean(outbound.get('outboxAcknowledged')!));
    expect(Math.min(...outbound.get('outboxAcknowledged')!)).toBeGreaterThanOrEqual(30 * 60_000);
  });

  it('shows a parcel to each side as its own, and to nobody else', async () => {
    const record = sim.store.parcels(1001, 'outbox').find((p) => p.toMailboxId === 1002)!;
    const id = record.parcelId;
    const acme = await call('GET', `/v2/parcels/${id}`);
    const globex = await call('GET', `/v2/parcels/${id}`, undefined, 1002);
    expect(acme.json).toEqual({ success: true, data: sim.parcel(id, 1001), errorCode: null, message: null });
    expect(globex.json.data).toEqual(sim.parcel(id, 1002));
    expect(acme.json.data).toMatchObject({ mailboxId: 1001, networkId: 40, status: record.outboxStatus, ecGridIdFrom: 310001, ecGridIdTo: 310002 });
    expect(globex.json.data).toMatchObject({ mailboxId: 1002, status: record.inboxStatus });
    expect(acme.json.data.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(acme.json.data.modified)).toBeGreaterThanOrEqual(Date.parse(acme.json.data.created));
    for (const [method, path, body] of [
      ['GET', `/v2/parcels/${id}`],
      ['GET', `/v2/parcels/manifest/${id}`],
      ['POST', '/v2/parcels/download', { parcelId: id }],
      ['GET', `/v2/interchanges/get-manifest/${record.interchangeIds[0]}`],
    ] as const) {
      expect((await call(method, path, body, 1003)).json, path).toMatchObject({ success: false, errorCode: 'ObjectNotFound' });
    }
    expect((await call('GET', '/v2/parcels/1')).status).toBe(404);
    expect((await call('GET', `/v2/parcels/manifest/${id}`)).json.data).toEqual(sim.parcelManifest(id));
    expect((await call('GET', '/v2/parcels/P-1')).json).toMatchObject({ errorCode: 'InvalidParameter' });
    expect((await call('GET', '/v2/parcels/manifest/x')).status).toBe(400);
    expect((await call('POST', '/v2/parcels/download', {})).json).toMatchObject({ errorCode: 'InvalidParameter' });
    expect((await call('POST', '/v2/parcels/download', { parcelId: String(id) })).status).toBe(400);
  });

  it("answers the interchange manifest (functional groups) to the interchange's sender and receiver only", async () => {
    const item = sim.store.select(1001, 'inbox', {}).find((i) => i.standard === 'X12' && i.documentType === '856')!;
    const answer = await call('GET', `/v2/interchanges/get-manifest/${item.interchangeId}`);
    expect(answer.json).toEqual({ success: true, data: sim.interchangeManifest(item.interchangeId), errorCode: null, message: null });
    expect(answer.json.data).toEqual([
      { functionalGroup: 'SH', transactionSetType: '856', transactionSetCount: item.transactionSets, groupControlNumber: expect.stringMatching(/^\d+$/) },
    ]);
    const edifact = sim.store.select(1001, 'outbox', {}).find((i) => i.standard === 'EDIFACT')!;
    expect(sim.interchangeManifest(edifact.interchangeId)).toEqual([
      { functionalGroup: edifact.documentType, transactionSetType: edifact.documentType, transactionSetCount: edifact.transactionSets, groupControlNumber: String(edifact.interchangeId) },
    ]);
    expect((await call('GET', `/v2/interchanges/get-manifest/${item.interchangeId}`, undefined, 1003)).status).toBe(404);
    expect((await call('GET', '/v2/interchanges/get-manifest/abc')).status).toBe(400);
  });

  it('pages the parcel lists over HTTP exactly as the store orders them, with filters and a short last page', async () => {
    for (const [direction, filter] of [
      ['inbox', {}],
      ['outbox', { status: 'outboxAcknowledged' }],
      ['inbox', { ecGridIdFrom: 420100, beginDate: new Date(ANCHOR - 60 * DAY).toISOString(), endDate: new Date(ANCHOR - 10 * DAY).toISOString() }],
    ] as const) {
      const truth = sim.parcels(1001, direction, {
        ...filter,
        beginDate: 'beginDate' in filter ? Date.parse(filter.beginDate) : undefined,
        endDate: 'endDate' in filter ? Date.parse(filter.endDate) : undefined,
      });
      expect(truth.length).toBeGreaterThan(3);
      const recordsPerPage = Math.max(2, Math.floor(truth.length / 3) - 1);
      const pages: ApiRow[][] = [];
      for (let pageNo = 1; pageNo <= 100; pageNo += 1) {
        const { status, json } = await call('POST', `/v2/parcels/${direction}-list`, { ...filter, pageNo, recordsPerPage });
        expect(status).toBe(200);
        expect(Array.isArray(json.data)).toBe(true);
        pages.push(json.data);
        if (json.data.length < recordsPerPage) break;
      }
      expect(pages.flat()).toEqual(truth);
      expect(pages[pages.length - 1]!.length).toBeLessThan(recordsPerPage);
    }
    const first = await call('POST', '/v2/parcels/inbox-list', {});
    expect(first.json).toEqual({ success: true, data: sim.parcels(1001, 'inbox').slice(0, 25) });
    const pivot = sim.parcels(1001, 'inbox')[7]!['created'];
    const onePoint = await call('POST', '/v2/parcels/inbox-list', { beginDate: pivot, endDate: pivot, recordsPerPage: 500 });
    expect(onePoint.json.data).toEqual(sim.parcels(1001, 'inbox').filter((p) => p['created'] === pivot));
    expect((await call('POST', '/v2/parcels/inbox-list', { status: 'NoSuchStatus' })).json.data).toEqual([]);
  });

  it('validates the list requests like the interchange lists', async () => {
    expect((await call('POST', '/v2/parcels/inbox-list', { mailboxId: 1002 })).json).toMatchObject({ errorCode: 'AccessDenied' });
    expect((await call('POST', '/v2/parcels/outbox-list', { mailboxId: 1001 })).status).toBe(200);
    expect((await call('POST', '/v2/parcels/outbox-list', { mailboxId: 0 })).status).toBe(200);
    const reversed = { beginDate: '2026-11-02T00:00:00Z', endDate: '2026-11-01T00:00:00Z' };
    expect((await call('POST', '/v2/parcels/inbox-list', reversed)).json).toMatchObject({ errorCode: 'InvalidParameter' });
    expect((await call('POST', '/v2/parcels/inbox-list', { recordsPerPage: 501 })).status).toBe(400);
    expect((await call('POST', '/v2/parcels/inbox-list', { pageNo: 0 })).status).toBe(400);
    expect((await call('POST', '/v2/parcels/inbox-list', { pageNo: '1' })).status).toBe(400);
    expect((await call('POST', '/v2/parcels/inbox-list', { status: 3 })).status).toBe(400);
    expect((await call('POST', '/v2/parcels/pending-inbox-list', { mailboxId: 1003 })).json).toMatchObject({ errorCode: 'AccessDenied' });
  });

  it('lists the InBoxReady parcels as pending, unpaged, and pages them when asked (C1); new arrivals are pending', async () => {
    const before = sim.pendingParcels(1001);
    expect(before.length).toBeGreaterThan(0);
    expect(before).toEqual(sim.parcels(1001, 'inbox').filter((p) => p['status'] === 'InBoxReady'));
    expect((await call('POST', '/v2/parcels/pending-inbox-list', {})).json).toEqual({ success: true, data: before });
    const arrived = sim.deliver(1001, 4);
    const pending = sim.pendingParcels(1001);
    const newIds = new Set(arrived.map((r) => r['parcelId']));
    expect(pending.slice(0, newIds.size).map((p) => p['parcelId']).sort()).toEqual([...newIds].sort());
    for (const parcel of pending.slice(0, newIds.size)) {
      expect(parcel).toMatchObject({ status: 'InBoxReady', created: parcel['modified'] });
      expect(sim.parcelManifest(Number(parcel['parcelId']))!.map((m) => m['interchangeId']).sort()).toEqual(
        arrived.filter((r) => r['parcelId'] === parcel['parcelId']).map((r) => r['interchangeId']).sort(),
      );
    }
    expect((await call('POST', '/v2/parcels/pending-inbox-list', { mailboxId: 1001 })).json.data).toEqual(pending);
    const paged = await call('POST', '/v2/parcels/pending-inbox-list', { pageNo: 2, recordsPerPage: 2 });
    expect(paged.json.data).toEqual(pending.slice(2, 4));
  });

  it('knows every ECGrid ID the data uses, and shows each caller only its own and its partners', async () => {
    for (const mailboxId of MAILBOXES) {
      const visible = sim.partners(mailboxId);
      const used = new Set([...sim.store.select(mailboxId, 'inbox', {}), ...sim.store.select(mailboxId, 'outbox', {})].flatMap((i) => [i.ecGridIdFrom, i.ecGridIdTo]));
      expect(new Set(visible.map((p) => p['ecGridId']))).toEqual(new Set([...used, sim.mailbox(mailboxId).ecGridId]));
      for (const partner of visible) {
        expect(partner).toMatchObject({ status: 'Active', routingGroup: 'ProductionA', qualifier: expect.stringMatching(/^(01|08|12|14|ZZ|ZZZ)$/) });
        expect((await call('GET', `/v2/ids/${partner['ecGridId']}`, undefined, mailboxId)).json).toEqual({ success: true, data: partner, errorCode: null, message: null });
      }
    }
    expect(sim.partner(310001)).toMatchObject({ mailboxId: 1001, networkId: 40, description: 'Acme Retail Group' });
    const acmeOnly = sim.partners(1001).find((p) => !sim.partners(1003).some((q) => q['ecGridId'] === p['ecGridId']))!;
    expect((await call('GET', `/v2/ids/${acmeOnly['ecGridId']}`, undefined, 1003)).json).toMatchObject({ errorCode: 'ObjectNotFound' });
    expect((await call('GET', '/v2/ids/999999')).status).toBe(404);
    expect((await call('GET', '/v2/ids/ACME')).status).toBe(400);
  });

  it('is deterministic: the same options give the same parcels and files, another seed other ones', async () => {
    const again = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now });
    const other = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now, seed: 7 });
    try {
      const fresh = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now });
      try {
        for (const mailboxId of MAILBOXES) expect(again.parcels(mailboxId, 'outbox')).toEqual(fresh.parcels(mailboxId, 'outbox'));
        expect(again.partners(1002)).toEqual(fresh.partners(1002));
        const id = Number(fresh.parcels(1002, 'inbox')[3]!['parcelId']);
        expect(again.parcelFile(id)).toEqual(fresh.parcelFile(id));
        expect(again.parcelManifest(id)).toEqual(fresh.parcelManifest(id));
      } finally {
        await fresh.close();
      }
      expect(other.parcels(1001, 'inbox').slice(0, 20)).not.toEqual(again.parcels(1001, 'inbox').slice(0, 20));
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });
});
