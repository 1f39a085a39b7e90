/**
 * The GraphiQL "Dashboard" operation: one request, one ECGrid call per endpoint, all started together;
 * reference data (status lists, mailboxes) cached per credential by default, traffic never.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheTtls } from '../../src/config.js';
import { exampleOperations } from '../../src/http/graphiql.js';
import { mailboxRow, statusLists, userRow } from '../../src/simulator/account.js';
import { MemoryCacheStore, ResponseCache } from '../../src/upstream/sharing/cache.js';
import { createUpstreamSharing, UpstreamSharing } from '../../src/upstream/sharing/sharing.js';
import { ACME, ANCHOR, GLOBEX, gql, startStack, type Stack, TestClock, testConfig } from '../helpers/index.js';

const DASHBOARD = exampleOperations().find((example) => example.name === 'Dashboard')!;
const ENDPOINTS = [
  '/v2/mailboxes/1001',
  '/v2/reports/instant-stats',
  '/v2/reports/interchange-stats',
  '/v2/reports/mailbox-stats',
  '/v2/reports/traffic-stats',
  '/v2/status-lists',
  '/v2/users/me',
];
const b64 = (text: string) => Buffer.from(text).toString('base64');
const iso = (text: unknown) => new Date(String(text)).toISOString();
const WEEK = 7 * 86_400_000;
/** The last 7 days before the stack's clock, as the GraphiQL tab asks for them. */
const week = (stack: Stack) => ({ since: new Date(stack.clock.ms - WEEK).toISOString(), until: new Date(stack.clock.ms).toISOString() });
const dashboard = (stack: Stack, headers: Record<string, string> = ACME, mailboxId = 1001) =>
  gql(stack.app, DASHBOARD.query, { headers, variables: { mailboxId, ...week(stack) } });
const paths = (stack: Stack) => stack.simulator.calls.map((call) => call.path).sort();

describe('the Dashboard operation', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers every field with the ground truth, with one ECGrid call per endpoint', async () => {
    stack.simulator.resetCalls();
    const { body } = await dashboard(stack);
    expect(body.errors).toBeUndefined();
    const acme = stack.simulator.mailbox(1001);
    const user = userRow(acme);
    const reports = stack.simulator.reports(1001);
    const { mailboxId: _, ...summary } = reports.summary();
    expect(body.data).toEqual({
      me: {
        id: b64(`User:${user['userId']}`),
        ...Object.fromEntries(['userId', 'login', 'firstName', 'lastName', 'authLevel', 'mailboxId'].map((name) => [name, user[name]])),
      },
      mailbox: { id: b64('Mailbox:1001'), mailboxId: 1001, companyName: mailboxRow(acme)['companyName'], status: mailboxRow(acme)['status'] },
      mailboxSummary: { ...summary, reportGeneratedAt: iso(summary.reportGeneratedAt) },
      trafficStats: reports
        .traffic({ targetTime: stack.clock.ms, numPeriods: 7, period: 'Day' })
        .map((row) => ({ ...row, periodStart: iso(row.periodStart), periodEnd: iso(row.periodEnd) })),
      interchangeStats: reports
        .interchangeStats({ startTime: stack.clock.ms - WEEK, endTime: stack.clock.ms, direction: 'NoDir' })
        .map(({ direction: _direction, ...row }) => ({ ...row, periodStart: iso(row.periodStart), periodEnd: iso(row.periodEnd) })),
      instantStats: reports.instant(60, 1440),
      statusLists: statusLists(),
    });
    expect(paths(stack)).toEqual(ENDPOINTS);
  });
});

describe('the Dashboard operation with 50 ms of ECGrid latency', () => {
  it('starts its seven calls together: the request takes about one round trip, not seven', async () => {
    // The simulator records each call's arrival on a clock that runs, so overlaps show.
    const started = performance.now();
    const stack = await startStack({ simulator: { now: () => ANCHOR + 6 * 3_600_000 + (performance.now() - started) } });
    try {
      await dashboard(stack);
      stack.simulator.resetCalls();
      stack.simulator.latencyMs = 50;
      const begin = performance.now();
      const { body } = await dashboard(stack);
      const elapsed = performance.now() - begin;
      expect(body.errors).toBeUndefined();
      expect(paths(stack)).toEqual(ENDPOINTS);
      // Each call is answered 50 ms after it arrives: every call arrived before the first was answered.
      const arrivals = stack.simulator.calls.map((call) => call.at);
      expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(50);
      // One round trip is 50 ms; seven in a row would be 350 ms. The bound is generous for a loaded machine.
      expect(elapsed).toBeLessThan(250);
    } finally {
      await stack.close();
    }
  });
});

describe('the Dashboard operation with the default cache settings', () => {
  let stack: Stack;
  afterEach(() => stack.close());
  const referenceCalls = (of: Stack, apiKey: string) =>
    of.simulator.calls.filter((call) => call.apiKey === apiKey && (call.path === '/v2/status-lists' || call.path.startsWith('/v2/mailboxes/'))).length;

  it('serves status lists and the mailbox again within the TTL, per credential; traffic is asked every time', async () => {
    // As main.ts builds it from the settings `npm start` gets with no environment.
    const sharing = await createUpstreamSharing({ coalesce: true, ttls: cacheTtls(testConfig()), maxEntries: 100 });
    stack = await startStack({ app: { sharing } });
    const first = await dashboard(stack);
    expect(referenceCalls(stack, 'demo-key-acme')).toBe(2);
    stack.simulator.resetCalls();
    const second = await dashboard(stack);
    expect(second.body).toEqual(first.body);
    expect(paths(stack)).toEqual(ENDPOINTS.filter((path) => path !== '/v2/status-lists' && !path.startsWith('/v2/mailboxes/')));

    stack.simulator.resetCalls();
    const globex = await dashboard(stack, GLOBEX, 1002);
    expect(globex.body.data?.['mailbox']).toMatchObject({ mailboxId: 1002, companyName: 'Globex Manufacturing' });
    expect(referenceCalls(stack, 'demo-key-globex')).toBe(2);
    expect(paths(stack)).toEqual([...ENDPOINTS.filter((path) => path !== '/v2/mailboxes/1001'), '/v2/mailboxes/1002'].sort());
  });

  it('keeps reference data for 5 minutes by default, then asks again', async () => {
    const clock = new TestClock();
    const cache = new ResponseCache(new MemoryCacheStore({ maxEntries: 100, now: clock.now }), cacheTtls(testConfig()));
    stack = await startStack({ clock, app: { sharing: new UpstreamSharing({ coalesce: true, cache }) } });
    await dashboard(stack);
    clock.advance(299_000);
    await dashboard(stack);
    expect(referenceCalls(stack, 'demo-key-acme')).toBe(2);
    clock.advance(2_000);
    await dashboard(stack);
    expect(referenceCalls(stack, 'demo-key-acme')).toBe(4);
    expect(stack.simulator.calls.filter((call) => call.path === '/v2/reports/traffic-stats')).toHaveLength(3);
  });
});
