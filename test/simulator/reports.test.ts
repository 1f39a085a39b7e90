/** The simulator's account and report endpoints: documented shapes and validation, periods on UTC boundaries, reports that agree with the lists. */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxRow, statusLists, userRow } from '../../src/simulator/account.js';
import { addPeriods, periodStart } from '../../src/simulator/reports.js';
import { Simulator } from '../../src/simulator/simulator.js';
import { ANCHOR, TestClock } from '../helpers/index.js';

const DAY = 86_400_000;

describe("the simulator's reports", () => {
  let sim: Simulator;
  const clock = new TestClock();
  beforeAll(async () => {
    sim = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now });
  });
  afterAll(() => sim.close());

  const call = async (method: string, path: string, body?: unknown, key = 'demo-key-acme') => {
    const response = await request(`${sim.url}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.statusCode, json: (await response.body.json()) as any };
  };
  const received = (mailboxId: number, begin: number, end: number) => sim.list(mailboxId, 'inbox', { beginDate: begin, endDate: end }).length;
  const sent = (mailboxId: number, begin: number, end: number) => sim.list(mailboxId, 'outbox', { beginDate: begin, endDate: end }).length;

  it('aligns periods to UTC: hours, days, weeks from Monday 00:00, months from the 1st', () => {
    const t = Date.parse('2026-11-12T17:45:12.345Z'); // a Thursday
    expect(new Date(periodStart(t, 'Hour')).toISOString()).toBe('2026-11-12T17:00:00.000Z');
    expect(new Date(periodStart(t, 'Day')).toISOString()).toBe('2026-11-12T00:00:00.000Z');
    expect(new Date(periodStart(t, 'Week')).toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(new Date(periodStart(Date.parse('2026-11-09T00:00:00Z'), 'Week')).toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(new Date(periodStart(Date.parse('2026-11-15T23:59:59Z'), 'Week')).toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(new Date(periodStart(t, 'Month')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(new Date(addPeriods(Date.parse('2026-11-01T00:00:00Z'), 'Month', -11)).toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(new Date(addPeriods(Date.parse('2026-01-01T00:00:00Z'), 'Month', 1)).toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('answers traffic-stats oldest first, ending with the period of targetTime, counts equal to the lists', async () => {
    for (const [period, numPeriods] of [['Hour', 30], ['Day', 20], ['Week', 6], ['Month', 4]] as const) {
      const targetTime = '2026-11-12T17:45:12Z';
      const { status, json } = await call('POST', '/v2/reports/traffic-stats', { targetTime, numPeriods, period });
      expect(status).toBe(200);
      const rows = json.data as { periodStart: string; periodEnd: string; sentCount: number; receivedCount: number; totalBytes: number }[];
      expect(rows).toHaveLength(numPeriods);
      expect(rows).toEqual(sim.reports(1001).traffic({ targetTime: Date.parse(targetTime), numPeriods, period }));
      const last = rows[rows.length - 1]!;
      expect(Date.parse(last.periodStart)).toBeLessThanOrEqual(Date.parse(targetTime));
      expect(Date.parse(last.periodEnd)).toBeGreaterThan(Date.parse(targetTime));
      for (let i = 0; i < rows.length; i += 1) {
        const [start, end] = [Date.parse(rows[i]!.periodStart), Date.parse(rows[i]!.periodEnd)];
        if (i > 0) expect(start).toBe(Date.parse(rows[i - 1]!.periodEnd));
        expect(rows[i]!.receivedCount).toBe(received(1001, start, end - 1));
        expect(rows[i]!.sentCount).toBe(sent(1001, start, end - 1));
      }
      expect(rows.some((row) => row.receivedCount > 0 && row.sentCount > 0)).toBe(true);
    }
  });

  it('answers interchange-stats as a row per UTC day, both bounds inclusive, per direction', async () => {
    const [startTime, endTime] = ['2026-11-01T06:00:00Z', '2026-11-05T00:00:00Z'];
    const [start, end] = [Date.parse(startTime), Date.parse(endTime)];
    const rows = {} as Record<string, any[]>;
    for (const direction of ['NoDir', 'InBox', 'OutBox']) {
      const { status, json } = await call('POST', '/v2/reports/interchange-stats', { startTime, endTime, direction });
      expect(status).toBe(200);
      rows[direction] = json.data;
      expect(json.data.every((row: any) => row.direction === direction)).toBe(true);
    }
    expect(rows['InBox']!.map((row) => [row.periodStart, row.periodEnd])).toEqual([
      ['2026-11-01T06:00:00Z', '2026-11-02T00:00:00Z'],
      ['2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'],
      ['2026-11-03T00:00:00Z', '2026-11-04T00:00:00Z'],
      ['2026-11-04T00:00:00Z', '2026-11-05T00:00:00Z'],
      ['2026-11-05T00:00:00Z', '2026-11-05T00:00:00Z'],
    ]);
    const sum = (list: any[]) => list.reduce((total, row) => total + row.count, 0);
    expect(sum(rows['InBox']!)).toBe(received(1001, start, end));
    expect(sum(rows['OutBox']!)).toBe(sent(1001, start, end));
    expect(rows['NoDir']!.map((row) => row.count)).toEqual(rows['InBox']!.map((row, i) => row.count + rows['OutBox']![i].count));
    expect(rows['InBox']![1].count).toBe(received(1001, start + 18 * 3_600_000, start + 18 * 3_600_000 + DAY - 1));
  });

  it("answers mailbox-stats with the lists' totals, and instant-stats with the parcels of the last minutes", async () => {
    const summary = (await call('GET', '/v2/reports/mailbox-stats')).json.data;
    expect(summary.totalInterchanges).toBe(sim.list(1001, 'inbox').length + sim.list(1001, 'outbox').length);
    expect(summary).toMatchObject({ mailboxId: 1001, reportGeneratedAt: new Date(clock.ms).toISOString().replace('.000Z', 'Z') });
    expect(summary.totalParcels).toBeGreaterThan(summary.totalInterchanges / 20);
    expect(summary.activePartners).toBeGreaterThan(5);
    expect(summary).toEqual(sim.reports(1001).summary());

    const before = (await call('POST', '/v2/reports/instant-stats', { minutes1: 5, minutes2: 7 * 1440 })).json.data;
    expect(before).toEqual(sim.reports(1001).instant(5, 7 * 1440));
    expect(before.window1Count).toBe(0);
    expect(before.window2Count).toBeGreaterThan(0);
    const arrived = sim.deliver(1001, 4);
    const parcels = new Set(arrived.map((row) => row['parcelId'])).size;
    const after = (await call('POST', '/v2/reports/instant-stats', { minutes1: 5, minutes2: 7 * 1440 })).json.data;
    expect(after).toEqual({ window1Minutes: 5, window1Count: parcels, window2Minutes: 7 * 1440, window2Count: before.window2Count + parcels });
  });

  it('validates like the documentation says: 400 InvalidParameter for a missing field, a bad enum, an end not after the start', async () => {
    const invalid = { status: 400, json: expect.objectContaining({ success: false, errorCode: 'InvalidParameter' }) };
    const traffic = { targetTime: '2026-11-12T00:00:00Z', numPeriods: 3, period: 'Day' };
    expect(await call('POST', '/v2/reports/traffic-stats', { ...traffic, period: 'Fortnight' })).toEqual(invalid);
    expect(await call('POST', '/v2/reports/traffic-stats', { ...traffic, numPeriods: 0 })).toEqual(invalid);
    expect(await call('POST', '/v2/reports/traffic-stats', { numPeriods: 3, period: 'Day' })).toEqual(invalid);
    expect((await call('POST', '/v2/reports/traffic-stats', { ...traffic, period: 'day' })).status).toBe(200);
    const stats = { startTime: '2026-11-02T00:00:00Z', endTime: '2026-11-01T00:00:00Z', direction: 'InBox' };
    expect(await call('POST', '/v2/reports/interchange-stats', stats)).toEqual(invalid);
    expect(await call('POST', '/v2/reports/interchange-stats', { ...stats, endTime: stats.startTime })).toEqual(invalid);
    expect(await call('POST', '/v2/reports/interchange-stats', { ...stats, endTime: '2026-11-03T00:00:00Z', direction: 'Sideways' })).toEqual(invalid);
    expect(await call('POST', '/v2/reports/instant-stats', { minutes1: 0, minutes2: 5 })).toEqual(invalid);
    expect(await call('POST', '/v2/reports/instant-stats', { minutes1: 5 })).toEqual(invalid);
    expect((await call('POST', '/v2/reports/instant-stats', { minutes1: '5', minutes2: 5 })).status).toBe(400);
  });

  it("shows a caller its own user and mailbox, 404 for anyone else's, and the status legend of every status its data uses", async () => {
    const acme = sim.mailbox(1001);
    expect((await call('GET', '/v2/users/me')).json.data).toEqual(userRow(acme));
    expect((await call('GET', `/v2/users/${userRow(acme)['userId']}`)).json.data).toEqual(userRow(acme));
    expect((await call('GET', `/v2/users/${userRow(sim.mailbox(1002))['userId']}`)).json).toMatchObject({ errorCode: 'ObjectNotFound' });
    expect((await call('GET', '/v2/mailboxes/1001')).json.data).toEqual(mailboxRow(acme));
    expect((await call('GET', '/v2/mailboxes/1002')).status).toBe(404);
    expect((await call('GET', '/v2/mailboxes/1002', undefined, 'demo-key-globex')).json.data).toMatchObject({ mailboxId: 1002, companyName: 'Globex Manufacturing' });

    const legend = (await call('GET', '/v2/status-lists')).json.data;
    expect(legend).toEqual(statusLists());
    const codes = (list: { code: string }[]) => new Set(list.map((entry) => entry.code));
    const used = new Set(sim.mailboxes.flatMap((m) => [...sim.list(m.mailboxId, 'inbox'), ...sim.list(m.mailboxId, 'outbox')].map((row) => String(row['status']))));
    expect(used.size).toBeGreaterThan(5);
    for (const status of used) expect(codes(legend.interchangeStatuses)).toContain(status);
    for (const entry of [...legend.parcelStatuses, ...legend.interchangeStatuses]) expect(entry.description).toEqual(expect.any(String));
  });
});
