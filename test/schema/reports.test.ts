/** The report fields against the simulator: each equals its ground truth, the reports agree with the lists, and bad arguments cost no call. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { statusLists } from '../../src/simulator/account.js';
import { ACME, gql, startStack, type Stack } from '../helpers/index.js';

/** The simulator writes whole seconds without a fraction; GraphQL's DateTime always has one. */
const asServed = <Row extends Record<string, unknown>>(rows: Row[], ...times: string[]) =>
  rows.map((row) => ({ ...row, ...Object.fromEntries(times.map((name) => [name, new Date(String(row[name])).toISOString()])) }));

const TRAFFIC = 'query($t: DateTime, $n: Int!, $p: StatisticsPeriod!) { trafficStats(targetTime: $t, periods: $n, period: $p) { periodStart periodEnd sentCount receivedCount totalBytes } }';
const INTERCHANGE_STATS = 'query($s: DateTime!, $e: DateTime!, $d: Direction!) { interchangeStats(startTime: $s, endTime: $e, direction: $d) { periodStart periodEnd count totalBytes direction } }';
const TOTALS = 'query($f: InterchangeFilter) { inbox(filter: $f, first: 0) { totalCount } outbox(filter: $f, first: 0) { totalCount } }';

describe('the report fields against the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetCalls());

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await gql(stack.app, query, { headers: ACME, variables });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  /** The lists' totals for created in [begin, end] (inclusive), over HTTP. */
  const listTotals = async (begin: string, end: string) => {
    const data = await ok(TOTALS, { f: { beginDate: begin, endDate: end } });
    return { received: data['inbox'].totalCount as number, sent: data['outbox'].totalCount as number };
  };
  const justBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();

  it('trafficStats equals the ground truth for every period length, the enum sent as ECGrid spells it, targetTime defaulting to now', async () => {
    for (const [p, upstream, n] of [['HOUR', 'Hour', 48], ['DAY', 'Day', 30], ['WEEK', 'Week', 8], ['MONTH', 'Month', 5]] as const) {
      const t = '2026-11-12T17:45:12.000Z';
      const data = await ok(TRAFFIC, { t, n, p });
      const truth = stack.simulator.reports(1001).traffic({ targetTime: Date.parse(t), numPeriods: n, period: upstream });
      expect(data['trafficStats']).toEqual(asServed(truth, 'periodStart', 'periodEnd'));
      expect(stack.simulator.calls.at(-1)?.body).toEqual({ targetTime: '2026-11-12T17:45:12Z', numPeriods: n, period: upstream });
    }
    const now = await ok(TRAFFIC, { n: 3, p: 'DAY' });
    const truth = stack.simulator.reports(1001).traffic({ targetTime: stack.clock.ms, numPeriods: 3, period: 'Day' });
    expect(now['trafficStats']).toEqual(asServed(truth, 'periodStart', 'periodEnd'));
    expect(stack.simulator.calls.at(-1)?.body).toMatchObject({ targetTime: new Date(stack.clock.ms).toISOString().replace('.000Z', 'Z') });
  });

  it('trafficStats agrees with the interchange lists for a sample of days, weeks and months', async () => {
    const samples = [
      { t: '2026-11-14T12:00:00Z', n: 10, p: 'DAY', pick: [0, 4, 9] },
      { t: '2026-11-10T00:00:00Z', n: 6, p: 'WEEK', pick: [1, 3, 5] },
      { t: '2026-10-31T23:59:59Z', n: 3, p: 'MONTH', pick: [0, 1, 2] },
    ];
    for (const { t, n, p, pick } of samples) {
      const periods = (await ok(TRAFFIC, { t, n, p }))['trafficStats'] as { periodStart: string; periodEnd: string; sentCount: number; receivedCount: number }[];
      expect(periods).toHaveLength(n);
      for (const i of pick) {
        const { periodStart, periodEnd, sentCount, receivedCount } = periods[i]!;
        const lists = await listTotals(periodStart, justBefore(periodEnd));
        expect({ p, periodStart, received: receivedCount, sent: sentCount }).toEqual({ p, periodStart, ...lists });
        expect(lists.received + lists.sent).toBeGreaterThan(0);
      }
    }
  });

  it('interchangeStats equals the ground truth per direction and agrees with the lists day by day', async () => {
    const [s, e] = ['2026-11-02T09:30:00.000Z', '2026-11-06T00:00:00.000Z'];
    const rows: Record<string, any[]> = {};
    for (const [d, upstream] of [['BOTH', 'NoDir'], ['INBOX', 'InBox'], ['OUTBOX', 'OutBox']] as const) {
      rows[d] = (await ok(INTERCHANGE_STATS, { s, e, d }))['interchangeStats'];
      const truth = stack.simulator.reports(1001).interchangeStats({ startTime: Date.parse(s), endTime: Date.parse(e), direction: upstream });
      expect(rows[d]).toEqual(asServed(truth, 'periodStart', 'periodEnd').map((row) => ({ ...row, direction: d })));
      expect(stack.simulator.calls.at(-1)?.body).toEqual({ startTime: '2026-11-02T09:30:00Z', endTime: '2026-11-06T00:00:00Z', direction: upstream });
    }
    expect(rows['INBOX']).toHaveLength(5);
    for (const [i, row] of rows['INBOX']!.entries()) {
      const last = i === rows['INBOX']!.length - 1;
      const lists = await listTotals(row.periodStart, last ? row.periodEnd : justBefore(row.periodEnd));
      expect([row.count, rows['OUTBOX']![i].count, rows['BOTH']![i].count]).toEqual([lists.received, lists.sent, lists.received + lists.sent]);
    }
  });

  it("mailboxSummary equals the ground truth, its interchange total the lists' totals", async () => {
    const data = await ok('{ mailboxSummary { mailboxId totalParcels totalInterchanges totalBytes activePartners reportGeneratedAt } }');
    const [truth] = asServed([stack.simulator.reports(1001).summary()], 'reportGeneratedAt');
    expect(data['mailboxSummary']).toEqual(truth);
    const lists = await ok('{ inbox(first: 0) { totalCount } outbox(first: 0) { totalCount } }');
    expect(data['mailboxSummary'].totalInterchanges).toBe(lists['inbox'].totalCount + lists['outbox'].totalCount);
  });

  it('instantStats equals the ground truth and counts the parcels of the last minutes, in and out', async () => {
    const query = '{ instantStats(minutes1: 60, minutes2: 2880) { window1Minutes window1Count window2Minutes window2Count } }';
    const data = await ok(query);
    expect(data['instantStats']).toEqual(stack.simulator.reports(1001).instant(60, 2880));
    // The parcel lists, walked over HTTP with the window as their filter.
    const since = new Date(stack.clock.ms - 2880 * 60_000).toISOString();
    const parcels = await ok(
      'query($f: ParcelFilter) { inboxParcels(filter: $f, first: 500) { edges { node { parcelId } } pageInfo { hasNextPage } } outboxParcels(filter: $f, first: 500) { edges { node { parcelId } } pageInfo { hasNextPage } } }',
      { f: { beginDate: since } },
    );
    expect([parcels['inboxParcels'].pageInfo.hasNextPage, parcels['outboxParcels'].pageInfo.hasNextPage]).toEqual([false, false]);
    const walked = parcels['inboxParcels'].edges.length + parcels['outboxParcels'].edges.length;
    expect(walked).toBeGreaterThan(0);
    expect(data['instantStats'].window2Count).toBe(walked);

    const arrived = stack.simulator.deliver(1001, 3);
    const after = await ok(query);
    expect(after['instantStats'].window1Count).toBe(data['instantStats'].window1Count + new Set(arrived.map((row) => row['parcelId'])).size);
  });

  it('statusLists equals the simulator legend', async () => {
    const data = await ok('{ statusLists { parcelStatuses { code description } interchangeStatuses { code description } } }');
    expect(data['statusLists']).toEqual(statusLists());
    expect(stack.simulator.calls.map((call) => call.path)).toEqual(['/v2/status-lists']);
  });

  it('refuses bad arguments with BAD_USER_INPUT before any call, saying the limit', async () => {
    const cases: [string, RegExp][] = [
      ['{ trafficStats(periods: 0, period: DAY) { periodStart } }', /periods must be between 1 and 366/],
      ['{ trafficStats(periods: 367, period: HOUR) { periodStart } }', /periods must be between 1 and 366/],
      ['{ interchangeStats(startTime: "2026-11-02T00:00:00Z", endTime: "2026-11-02T00:00:00Z", direction: BOTH) { count } }', /endTime must be after startTime/],
      ['{ interchangeStats(startTime: "2026-11-02T00:00:00Z", endTime: "2026-11-01T00:00:00Z", direction: INBOX) { count } }', /endTime must be after startTime/],
      ['{ interchangeStats(startTime: "2025-01-01T00:00:00Z", endTime: "2026-01-02T00:00:01Z", direction: OUTBOX) { count } }', /at most 366 days/],
      ['{ instantStats(minutes1: 0, minutes2: 60) { window1Count } }', /minutes1 must be between 1 and 525600/],
      ['{ instantStats(minutes1: 60, minutes2: -5) { window1Count } }', /minutes2 must be between 1 and 525600/],
      ['{ instantStats(minutes1: 60, minutes2: 525601) { window1Count } }', /minutes2 must be between 1 and 525600/],
      ['{ mailbox(mailboxId: 0) { mailboxId } }', /mailboxId must be a positive id/],
    ];
    for (const [query, message] of cases) {
      const { body } = await gql(stack.app, query, { headers: ACME });
      expect(body.errors, query).toHaveLength(1);
      expect(body.errors?.[0]?.extensions?.['code'], query).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message, query).toMatch(message);
    }
    expect(stack.simulator.callCount).toBe(0);
    // The limits themselves are accepted: a year of days, a year of minutes, exactly 366 days apart.
    await ok('{ trafficStats(periods: 366, period: DAY) { periodStart } instantStats(minutes1: 1, minutes2: 525600) { window2Count } }');
    await ok('{ interchangeStats(startTime: "2025-11-01T00:00:00Z", endTime: "2026-11-02T00:00:00Z", direction: BOTH) { count } }');
  });
});
