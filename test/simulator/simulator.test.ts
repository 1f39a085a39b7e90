import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpAnswer } from '../../src/simulator/http.js';
import { type Route, RouteTable } from '../../src/simulator/router.js';
import { ROUTES } from '../../src/simulator/routes/index.js';
import { Simulator } from '../../src/simulator/simulator.js';
import { ANCHOR, TestClock } from '../helpers/index.js';

describe('the embedded ECGrid simulator', () => {
  let sim: Simulator;
  const clock = new TestClock();
  beforeAll(async () => {
    sim = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now });
  });
  afterAll(() => sim.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'x-api-key': 'demo-key-acme' }) => {
    const response = await request(`${sim.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  };

  it('has thousands of realistic interchanges per mailbox, deterministically', async () => {
    const again = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now });
    try {
      const rows = sim.list(1001, 'inbox');
      expect(rows.length).toBeGreaterThan(2000);
      expect(again.list(1001, 'inbox')).toEqual(rows);
      expect(new Set(rows.map((r) => r['documentType']))).toEqual(expect.objectContaining({}));
      const types = new Set(sim.list(1001, 'inbox').concat(sim.list(1001, 'outbox'), sim.list(1002, 'inbox')).map((r) => `${r['standard']} ${r['documentType']}`));
      for (const expected of ['X12 850', 'X12 810', 'X12 856', 'X12 997', 'EDIFACT ORDERS', 'EDIFACT INVOIC', 'EDIFACT DESADV']) {
        expect(types).toContain(expected);
      }
      const ordered = rows.every((r, i) => i === 0 || Date.parse(String(rows[i - 1]!['created'])) >= Date.parse(String(r['created'])));
      expect(ordered).toBe(true);
      expect(new Set(rows.map((r) => r['interchangeId'])).size).toBe(rows.length);
    } finally {
      await again.close();
    }
  });

  it('pages with the documented envelope and inclusive date bounds', async () => {
    const all = sim.list(1001, 'inbox');
    const pivot = String(all[10]!['created']);
    const { status, json } = await call('POST', '/v2/interchanges/inbox-list', { endDate: pivot, pageNo: 1, recordsPerPage: 3 });
    expect(status).toBe(200);
    expect(json.success).toBe(true);
    expect(json.data.interchanges[0].created).toBe(pivot);
    expect(json.data.totalRecords).toBe(all.filter((r) => Date.parse(String(r['created'])) <= Date.parse(pivot)).length);
    const begin = await call('POST', '/v2/interchanges/inbox-list', { beginDate: pivot, endDate: pivot, pageNo: 1, recordsPerPage: 500 });
    expect(begin.json.data.interchanges.every((r: any) => r.created === pivot)).toBe(true);
    expect(begin.json.data.totalRecords).toBeGreaterThanOrEqual(1);
  });

  it('validates like the documentation says', async () => {
    expect((await call('POST', '/v2/interchanges/inbox-list', { recordsPerPage: 501 })).json).toMatchObject({ success: false, errorCode: 'InvalidParameter' });
    expect((await call('POST', '/v2/interchanges/inbox-list', { pageNo: 0 })).status).toBe(400);
    const typed = await call('POST', '/v2/interchanges/inbox-list', { pageNo: '1' });
    expect(typed.status).toBe(400);
    expect(typed.json.traceId).toMatch(/^00-/);
    expect((await call('POST', '/v2/interchanges/inbox-list', 'pageNo=1', { 'x-api-key': 'demo-key-acme', 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call('GET', '/v2/reports/mailbox-interchange-stats', undefined, { 'x-api-key': 'nope' })).json).toMatchObject({ errorCode: 'InvalidAPIKey' });
    expect((await call('GET', '/v2/reports/mailbox-interchange-stats', undefined, { authorization: 'Bearer nope' })).json).toMatchObject({ errorCode: 'InvalidSession' });
    expect((await call('GET', '/v2/reports/mailbox-interchange-stats', undefined, { 'x-api-key': 'demo-key-restricted' })).status).toBe(403);
    expect((await call('POST', '/v2/interchanges/outbox-list', { mailboxId: 1003 })).json).toMatchObject({ errorCode: 'AccessDenied' });
    expect((await call('GET', '/v2/interchanges/1')).json).toMatchObject({ errorCode: 'ObjectNotFound' });
    const globexOnly = sim.list(1002, 'outbox').find((r) => r['receiver'] !== 'ACME_RETAIL')!;
    expect((await call('GET', `/v2/interchanges/${globexOnly['interchangeId']}`)).status).toBe(404);
    expect((await call('GET', '/v2/auth/version', undefined, {})).json).toEqual({ success: true, data: { version: '2.6' } });
  });

  it('switches faults on and off and records the calls it answers', async () => {
    sim.resetCalls();
    sim.injectFault({ path: '/v2/reports', times: 1, fault: { kind: 'rateLimit', retryAfter: '3' } });
    const limited = await call('GET', '/v2/reports/mailbox-interchange-stats');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
    expect((await call('GET', '/v2/reports/mailbox-interchange-stats')).status).toBe(200);
    expect(sim.calls.map((c) => c.apiKey)).toEqual(['demo-key-acme', 'demo-key-acme']);
  });

  describe('its route table', () => {
    const acme = { 'x-api-key': 'demo-key-acme' };
    /** A value for each path parameter the table uses; a new `{name}` needs one here. */
    let samples: Record<string, string> | undefined;
    const paramSamples = (): Record<string, string> =>
      (samples ??= {
        id: String(sim.list(1001, 'inbox')[0]!['interchangeId']),
        parcelId: String(sim.parcels(1001, 'inbox')[0]!['parcelId']),
        ecGridId: String(sim.mailbox(1001).ecGridId),
        userId: '10010',
        mailboxId: '1001',
      });
    /** A valid body for each POST route that requires fields; `{}` for the others. */
    const bodySamples = (): Record<string, unknown> => ({
      '/v2/parcels/download': { parcelId: sim.parcels(1001, 'inbox')[0]!['parcelId'] },
      '/v2/reports/traffic-stats': { targetTime: new Date(ANCHOR).toISOString(), numPeriods: 3, period: 'Day' },
      '/v2/reports/interchange-stats': { startTime: new Date(ANCHOR - 86_400_000).toISOString(), endTime: new Date(ANCHOR).toISOString(), direction: 'NoDir' },
      '/v2/reports/instant-stats': { minutes1: 5, minutes2: 60 },
    });
    const concrete = (route: Route) =>
      route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const value = paramSamples()[name];
        if (value === undefined) throw new Error(`no sample value for {${name}} in ${route.path}`);
        return value;
      });

    it('lists the documented endpoints', () => {
      expect(ROUTES.map((route) => `${route.method} ${route.path}`)).toEqual(
        expect.arrayContaining([
          'GET /v2/auth/version',
          'GET /v2/interchanges/{id}',
          'GET /v2/reports/mailbox-interchange-stats',
          'GET /v2/users/me',
          'POST /v2/interchanges/inbox-list',
          'POST /v2/interchanges/outbox-list',
          'GET /v2/interchanges/get-manifest/{id}',
          'POST /v2/parcels/inbox-list',
          'POST /v2/parcels/outbox-list',
          'POST /v2/parcels/pending-inbox-list',
          'GET /v2/parcels/{parcelId}',
          'GET /v2/parcels/manifest/{parcelId}',
          'POST /v2/parcels/download',
          'GET /v2/ids/{ecGridId}',
        ]),
      );
    });

    it('answers every route it lists with 2xx for a valid caller', async () => {
      for (const route of ROUTES) {
        const { status, json } = await call(route.method, concrete(route), route.method === 'GET' ? undefined : (bodySamples()[route.path] ?? {}), acme);
        expect(status, `${route.method} ${route.path}: ${JSON.stringify(json)}`).toBeGreaterThanOrEqual(200);
        expect(status, `${route.method} ${route.path}: ${JSON.stringify(json)}`).toBeLessThan(300);
      }
    });

    it('answers 405 for a method a known path does not have, after authentication', async () => {
      for (const route of ROUTES) {
        const path = concrete(route);
        const methods = ROUTES.filter((other) => concrete(other) === path).map((other) => other.method);
        const wrong = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find((method) => !methods.includes(method as Route['method']))!;
        expect({ wrong, path, status: (await call(wrong, path, undefined, acme)).status }).toEqual({ wrong, path, status: 405 });
        const anonymous = (await call(wrong, path, undefined, {})).status;
        expect({ wrong, path, anonymous }).toEqual({ wrong, path, anonymous: route.authenticated === false ? 405 : 401 });
      }
      expect((await call('GET', '/v2/interchanges/inbox-list', undefined, acme)).status).toBe(405);
      expect((await call('DELETE', '/v2/nowhere', undefined, {})).status).toBe(404);
    });

    it('prefers a literal segment to a parameter, whatever the order, and refuses ambiguous tables', () => {
      const answer = (name: string) => () => new HttpAnswer(200, name);
      const byId: Route = { method: 'GET', path: '/v2/things/{id}', handle: answer('byId') };
      const mine: Route = { method: 'GET', path: '/v2/things/mine', handle: answer('mine') };
      for (const table of [new RouteTable([byId, mine]), new RouteTable([mine, byId])]) {
        expect(table.match('GET', '/v2/things/mine')?.route).toBe(mine);
        expect(table.match('GET', '/v2/things/42')).toMatchObject({ route: byId, params: { id: '42' } });
        expect(table.match('POST', '/v2/things/mine')).toMatchObject({ route: undefined, authenticated: true });
        expect(table.match('GET', '/v2/things/42/more')).toBeUndefined();
      }
      expect(() => new RouteTable([byId, { ...byId }])).toThrow(/two routes/);
      expect(() => new RouteTable([byId, { ...byId, method: 'POST', path: '/v2/things/{thingId}' }])).toThrow(/parameter names/);
    });
  });

  it('delivers new interchanges now, newest first', async () => {
    const before = sim.list(1003, 'inbox').length;
    const [arrived] = sim.deliver(1003, 1);
    const after = sim.list(1003, 'inbox');
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toEqual(arrived);
  });
});
