/** The account, status-list and report readers against exact upstream answers: the variants ECGrid's pages disagree on, and bad values that cost only their field. */
import { describe, expect, it } from 'vitest';
import { gql, mockUpstream, recorder } from '../helpers/index.js';

const KEY = { 'x-api-key': 'k-1' };
const envelope = (data: unknown) => ({ success: true, data, errorCode: null, message: null });

/** One upstream answer for one path; the app in front of it, and what it sent. */
function answering(method: 'GET' | 'POST', path: string, data: unknown, status = 200) {
  const now = Date.parse('2026-11-12T17:45:12.000Z');
  const upstream = mockUpstream({ app: { now: () => now } });
  upstream.pool.intercept({ path, method }).reply(recorder(upstream.requests, status, status === 200 ? envelope(data) : data));
  return { ...upstream, query: (query: string) => gql(upstream.app, query, { headers: KEY }) };
}

const pathsOf = (errors: { path?: (string | number)[] }[] | undefined) => (errors ?? []).map((error) => error.path);

describe('account readers', () => {
  it("read a mailbox's name from `mailboxName` (C13), ids as numeric strings, and ignore fields they do not know", async () => {
    const { query } = answering('GET', '/v2/mailboxes/1001', {
      mailboxId: '1001',
      networkId: 40,
      mailboxName: 'Acme Retail Group',
      networkName: 'Loren Data',
      status: 'Active',
      created: '2019-03-14T09:00:00',
      somethingNew: { nested: true },
    });
    const { body } = await query('{ mailbox(mailboxId: 1001) { mailboxId networkId companyName status created modified } }');
    expect(body).toEqual({
      data: { mailbox: { mailboxId: 1001, networkId: 40, companyName: 'Acme Retail Group', status: 'Active', created: '2019-03-14T09:00:00.000Z', modified: null } },
    });
  });

  it('answer null for a mailbox ECGrid does not show (404), with no error', async () => {
    const { query } = answering('GET', '/v2/mailboxes/7', { success: false, data: null, errorCode: 'ObjectNotFound', message: 'Mailbox 7 was not found' }, 404);
    expect((await query('{ mailbox(mailboxId: 7) { mailboxId } }')).body).toEqual({ data: { mailbox: null } });
  });

  it('keep a user whose userId is missing, answering 0 there with an error, and never pass on undocumented fields (C17)', async () => {
    const { query } = answering('GET', '/v2/users/me', { login: 'acme', mailboxId: 1001, ecGridId: 310001, apiKey: 'a-key-ecgrid-should-not-send', authLevel: 'MailboxAdmin' });
    const { body } = await query('{ me { userId login mailboxId authLevel email created } }');
    expect(body.data).toEqual({ me: { userId: 0, login: 'acme', mailboxId: 1001, authLevel: 'MailboxAdmin', email: null, created: null } });
    expect(pathsOf(body.errors)).toEqual([['me', 'userId']]);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_BAD_RESPONSE');
    expect(JSON.stringify(body)).not.toContain('a-key');
  });

  it("answer a bad default mailbox id as an error at `mailbox`, not a call", async () => {
    const upstream = answering('GET', '/v2/users/me', { userId: 10010, mailboxId: 'inbox-1' });
    const { body } = await upstream.query('{ me { userId mailbox { mailboxId } } }');
    expect(body.data).toEqual({ me: { userId: 10010, mailbox: null } });
    expect(pathsOf(body.errors)).toEqual([['me', 'mailbox']]);
    expect(upstream.requests.map((request) => request.path)).toEqual(['/v2/users/me']);
  });
});

describe('the status-lists reader', () => {
  it("reads SOAP's {Code, Message} entries (C22), and a missing list costs only that list", async () => {
    const { query } = answering('GET', '/v2/status-lists', {
      parcelStatuses: [{ Code: 7, Qualifier: 'P', Message: 'InBoxReady', Level: 1 }, { code: 'outboxSent', description: 'Sent' }, { description: 'no code' }],
      interchangeStatuses: 'not a list',
    });
    const { body } = await query('{ statusLists { parcelStatuses { code description } interchangeStatuses { code } } }');
    expect(body.data).toEqual({
      statusLists: {
        parcelStatuses: [{ code: '7', description: 'InBoxReady' }, { code: 'outboxSent', description: 'Sent' }, { code: '', description: 'no code' }],
        interchangeStatuses: [],
      },
    });
    expect(pathsOf(body.errors).sort()).toEqual([['statusLists', 'interchangeStatuses'], ['statusLists', 'parcelStatuses', 2, 'code']].sort());
  });
});

describe('the report readers', () => {
  const TRAFFIC = '{ trafficStats(periods: 2, period: WEEK) { periodStart periodEnd sentCount receivedCount totalBytes } }';
  const period = (start: string, end: string, extra: Record<string, unknown> = {}) => ({ periodStart: start, periodEnd: end, sentCount: 3, receivedCount: '4', totalBytes: '5000000000000', ...extra });
  const served = (start: string, end: string) => ({ periodStart: start, periodEnd: end, sentCount: 3, receivedCount: 4, totalBytes: 5_000_000_000_000 });

  it('send traffic-stats as ECGrid documents it, targetTime defaulting to now, and read a flat list', async () => {
    const upstream = answering('POST', '/v2/reports/traffic-stats', [period('2026-11-02T00:00:00Z', '2026-11-09T00:00:00Z'), period('2026-11-09T00:00:00Z', '2026-11-16T00:00:00Z', { newColumn: 1 })]);
    const { body } = await upstream.query(TRAFFIC);
    expect(body).toEqual({ data: { trafficStats: [served('2026-11-02T00:00:00.000Z', '2026-11-09T00:00:00.000Z'), served('2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z')] } });
    expect(upstream.requests[0]).toMatchObject({ body: { targetTime: '2026-11-12T17:45:12Z', numPeriods: 2, period: 'Week' }, headers: { 'content-type': 'application/json' } });
  });

  it('read a wrapped list, and a bad period bound costs only that field', async () => {
    const { query } = answering('POST', '/v2/reports/traffic-stats', { periods: [period('2026-11-02T00:00:00Z', 'next monday'), period('2026-11-09T00:00:00Z', '2026-11-16T00:00:00Z')] });
    const { body } = await query(TRAFFIC);
    expect(body.data?.['trafficStats']).toEqual([served('2026-11-02T00:00:00.000Z', '1970-01-01T00:00:00.000Z'), served('2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z')]);
    expect(pathsOf(body.errors)).toEqual([['trafficStats', 0, 'periodEnd']]);
  });

  it('refuse an answer that is no list at all as UPSTREAM_BAD_RESPONSE', async () => {
    const { query } = answering('POST', '/v2/reports/traffic-stats', { total: 3 });
    const { body } = await query(TRAFFIC);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('map interchange-stats directions both ways; one ECGrid adds later is null with an error at its field', async () => {
    const row = (direction: unknown) => ({ periodStart: '2026-11-02T00:00:00Z', periodEnd: '2026-11-03T00:00:00Z', count: 2, totalBytes: 10, direction });
    const upstream = answering('POST', '/v2/reports/interchange-stats', { rows: [row('OutBox'), row('inbox'), row('NoDir'), row('Sideways'), row(null)] });
    const { body } = await upstream.query('{ interchangeStats(startTime: "2026-11-02T00:00:00Z", endTime: "2026-11-04T12:00:00.5Z", direction: OUTBOX) { count direction } }');
    expect(body.data?.['interchangeStats'].map((r: { direction: unknown }) => r.direction)).toEqual(['OUTBOX', 'INBOX', 'BOTH', null, null]);
    expect(pathsOf(body.errors)).toEqual([['interchangeStats', 3, 'direction']]);
    expect(upstream.requests[0]?.body).toEqual({ startTime: '2026-11-02T00:00:00Z', endTime: '2026-11-04T12:00:00.500Z', direction: 'OutBox' });
  });

  it('read instant-stats and mailbox-stats, also as a one-row list, with 64-bit totals in strings', async () => {
    const instant = answering('POST', '/v2/reports/instant-stats', [{ window1Minutes: 60, window1Count: '2', window2Minutes: 1440, window2Count: 31 }]);
    expect((await instant.query('{ instantStats(minutes1: 60, minutes2: 1440) { window1Minutes window1Count window2Minutes window2Count } }')).body).toEqual({
      data: { instantStats: { window1Minutes: 60, window1Count: 2, window2Minutes: 1440, window2Count: 31 } },
    });
    expect(instant.requests[0]?.body).toEqual({ minutes1: 60, minutes2: 1440 });

    const summary = answering('GET', '/v2/reports/mailbox-stats', { mailboxId: 1001, totalParcels: '9007199254740991', totalInterchanges: 12, totalBytes: 'lots', activePartners: 9 });
    const { body } = await summary.query('{ mailboxSummary { mailboxId totalParcels totalInterchanges totalBytes activePartners reportGeneratedAt } }');
    expect(body.data).toEqual({
      mailboxSummary: { mailboxId: 1001, totalParcels: 9_007_199_254_740_991, totalInterchanges: 12, totalBytes: null, activePartners: 9, reportGeneratedAt: null },
    });
    expect(pathsOf(body.errors)).toEqual([['mailboxSummary', 'totalBytes']]);
  });
});
