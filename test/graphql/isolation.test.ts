import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { ApiRow, Simulator } from '../../src/simulator/simulator.js';
import { type Stack, startStack, TestClock } from '../helpers/index.js';

const TENANTS = [
  { mailboxId: 1001, headers: { 'x-api-key': 'demo-key-acme' }, credential: 'demo-key-acme' },
  { mailboxId: 1002, headers: { authorization: 'Bearer demo-jwt-globex' }, credential: 'Bearer demo-jwt-globex' },
  { mailboxId: 1003, headers: { 'x-api-key': 'demo-key-initech' }, credential: 'demo-key-initech' },
  { mailboxId: 1001, headers: { authorization: 'Bearer demo-jwt-acme' }, credential: 'Bearer demo-jwt-acme' },
] as const;

const REQUESTS = 5_000;
const CONCURRENCY = 100;

/** A tiny deterministic PRNG so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('tenant isolation under concurrency', () => {
  const clock = new TestClock();
  let simulator: Simulator;
  let app: App;
  let server: Server;
  let pool: Pool;
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ clock, simulator: { maxRecordedCalls: 1_000_000 }, dispatcher: new Agent({ connections: 64 }) });
    ({ app, simulator } = stack);
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: CONCURRENCY });
  });

  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => server.close(resolve));
    await stack.close();
  });

  it(`answers ${REQUESTS} mixed requests of ${TENANTS.length} credentials at concurrency ${CONCURRENCY} with 0 mismatches`, async () => {
    const pin = clock.ms - 1000 - (clock.ms % 1000);
    const truth = new Map<number, { inbox: ApiRow[]; visible: Set<number>; stats: unknown }>();
    for (const mailboxId of [1001, 1002, 1003]) {
      const inbox = simulator.list(mailboxId, 'inbox', { endDate: pin });
      const outbox = simulator.list(mailboxId, 'outbox', { endDate: pin });
      truth.set(mailboxId, {
        inbox,
        visible: new Set([...inbox, ...outbox].map((r) => Number(r['interchangeId']))),
        stats: simulator.stats(mailboxId),
      });
    }
    const allIds = [...new Set([1001, 1002, 1003].flatMap((m) => simulator.list(m, 'inbox').slice(0, 60).map((r) => Number(r['interchangeId']))))];
    simulator.resetCalls();

    const next = random(20261123);
    const mismatches: string[] = [];
    const credentialOf = new Map<string, string>();
    let sent = 0;

    const one = async (n: number) => {
      const tenant = TENANTS[Math.floor(next() * TENANTS.length)]!;
      const first = 1 + Math.floor(next() * 12);
      const lookup = allIds[Math.floor(next() * allIds.length)]!;
      const kind = Math.floor(next() * 4);
      const query = [
        `{ mailboxStats { sent received totalBytes period } }`,
        `{ inbox(first: ${first}) { totalCount edges { node { interchangeId } } } }`,
        `{ interchange(interchangeId: ${lookup}) { interchangeId } }`,
        `{ a: mailboxStats { sent } b: inbox(first: ${first}) { edges { node { interchangeId } } } c: interchange(interchangeId: ${lookup}) { interchangeId } d: mailboxStats { received } }`,
      ][kind]!;
      const requestId = `iso-${n}`;
      credentialOf.set(requestId, tenant.credential);
      const response = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...tenant.headers },
        body: JSON.stringify({ query }),
      });
      const body = (await response.body.json()) as { data?: Record<string, any>; errors?: unknown[] };
      const own = truth.get(tenant.mailboxId)!;
      const expectLookup = own.visible.has(lookup) ? { interchangeId: lookup } : null;
      const expectPage = own.inbox.slice(0, first).map((r) => r['interchangeId']);
      const check = (what: string, ok: boolean) => {
        if (!ok) mismatches.push(`${requestId} ${tenant.credential} ${what}: ${JSON.stringify(body).slice(0, 200)}`);
      };
      check('errors', body.errors === undefined);
      const data = body.data ?? {};
      if (kind === 0) check('stats', JSON.stringify(data['mailboxStats']) === JSON.stringify(own.stats));
      if (kind === 1) {
        check('page', JSON.stringify(data['inbox']?.edges.map((e: any) => e.node.interchangeId)) === JSON.stringify(expectPage));
        check('total', data['inbox']?.totalCount === own.inbox.length);
      }
      if (kind === 2) check('lookup', JSON.stringify(data['interchange']) === JSON.stringify(expectLookup));
      if (kind === 3) {
        check('alias stats', data['a']?.sent === (own.stats as { sent: number }).sent && data['d']?.received === (own.stats as { received: number }).received);
        check('alias page', JSON.stringify(data['b']?.edges.map((e: any) => e.node.interchangeId)) === JSON.stringify(expectPage));
        check('alias lookup', JSON.stringify(data['c']) === JSON.stringify(expectLookup));
      }
    };

    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS) {
        sent += 1;
        await one(sent);
      }
    });
    await Promise.all(workers);

    // Every upstream call carried the credential of the request that caused it.
    let wrongCredential = 0;
    for (const call of simulator.calls) {
      const expected = credentialOf.get(call.requestId ?? '');
      const actual = call.apiKey ?? call.authorization;
      if (expected === undefined || actual !== expected) wrongCredential += 1;
    }
    console.info(
      `isolation: ${REQUESTS} requests, ${TENANTS.length} credentials, concurrency ${CONCURRENCY}: ` +
        `${mismatches.length} answer mismatches, ${wrongCredential} wrong-credential upstream calls of ${simulator.callCount}`,
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(simulator.calls.length).toBe(simulator.callCount);
    expect(wrongCredential).toBe(0);
  });
});
