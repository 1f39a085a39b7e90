import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, GLOBEX, gql, MOCK_ORIGIN, mockUpstream, recorder, startStack, type Stack } from '../helpers/index.js';

describe('mailboxStats against the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("answers the caller's mailbox figures exactly", async () => {
    for (const [headers, mailboxId] of [
      [ACME, 1001],
      [GLOBEX, 1002],
    ] as const) {
      const { body } = await gql(stack.app, '{ mailboxStats { sent received totalBytes period } }', { headers });
      expect(body.errors).toBeUndefined();
      const expected = stack.simulator.stats(mailboxId);
      expect(expected.sent + expected.received).toBeGreaterThan(0);
      expect(body.data?.['mailboxStats']).toEqual(expected);
    }
  });

  it('makes one upstream call for two aliased identical fields', async () => {
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, '{ a: mailboxStats { sent } b: mailboxStats { received totalBytes } }', {
      headers: ACME,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['a'].sent).toBeGreaterThan(0);
    expect(stack.simulator.calls.map((c) => c.path)).toEqual(['/v2/reports/mailbox-interchange-stats']);
  });

  it('sends the caller\'s X-API-Key upstream and nothing else', async () => {
    stack.simulator.resetCalls();
    await gql(stack.app, '{ mailboxStats { sent } }', { headers: GLOBEX });
    expect(stack.simulator.calls).toHaveLength(1);
    expect(stack.simulator.calls[0]).toMatchObject({ apiKey: 'demo-key-globex', authorization: undefined, mailboxId: 1002 });
  });
});

describe('mailboxStats against exact upstream answers', () => {
  it('carries a 64-bit totalBytes of 5 000 000 000 000 exactly, tolerating a bare envelope', async () => {
    const { app, pool, requests } = mockUpstream();
    pool
      .intercept({ path: '/v2/reports/mailbox-interchange-stats', method: 'GET' })
      .reply(
        recorder(requests, 200, {
          success: true,
          data: { sent: 1452, received: 873, totalBytes: 5_000_000_000_000, period: '2026-04', newField: { x: 1 } },
          somethingNew: true,
        }),
      );
    const response = await app.fetch(`http://localhost/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k-1' },
      body: JSON.stringify({ query: '{ mailboxStats { sent received totalBytes period } }' }),
    });
    const text = await response.text();
    // The number is written as digits in the JSON, not rounded or in exponent form.
    expect(text).toContain('"totalBytes":5000000000000');
    expect(JSON.parse(text)).toEqual({
      data: { mailboxStats: { sent: 1452, received: 873, totalBytes: 5_000_000_000_000, period: '2026-04' } },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['x-api-key']).toBe('k-1');
    expect(MOCK_ORIGIN).toMatch(/^https:/);
  });

  it('answers a bad figure with a fallback and an error at its path, keeping the others', async () => {
    const { app, pool, requests } = mockUpstream();
    pool
      .intercept({ path: '/v2/reports/mailbox-interchange-stats', method: 'GET' })
      .reply(recorder(requests, 200, { success: true, data: { sent: 'many', received: 3, totalBytes: 10, period: '2026-04' }, errorCode: null, message: null }));
    const { body } = await gql(app, '{ mailboxStats { sent received totalBytes period } }', { headers: { 'x-api-key': 'k' } });
    expect(body.data?.['mailboxStats']).toEqual({ sent: 0, received: 3, totalBytes: 10, period: '2026-04' });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ path: ['mailboxStats', 'sent'], extensions: { code: 'UPSTREAM_BAD_RESPONSE' } });
  });
});
