import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { gql, startStack } from '../helpers/index.js';

/** Credentials that must never show up: real demo keys, unknown keys, tokens, the service key. */
const SECRETS = [
  'demo-key-acme',
  'demo-jwt-globex',
  'unknown-key-5f0c2a9e7d',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl',
  'service-key-9b8a7c6d5e',
];

describe('credentials never reach logs or responses', () => {
  it('a run full of failures at LOG_LEVEL=trace writes none of them', async () => {
    let captured = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        captured += chunk.toString();
        done();
      },
    });
    const stack = await startStack({
      config: {
        ECGRID_API_KEY: 'service-key-9b8a7c6d5e',
        ECGRID_ATTEMPT_TIMEOUT_MS: 150,
        ECGRID_TIMEOUT_MS: 400,
        ECGRID_RETRY_BASE_MS: 1,
        ECGRID_BREAKER_FAILURES: 3,
        ECGRID_BREAKER_COOLDOWN_MS: 50,
      },
      app: { logger: createLogger('trace', sink) },
    });
    const { app, simulator } = stack;
    const responses: string[] = [];
    const run = async (headers: Record<string, string>, query = '{ mailboxStats { sent } inbox(first: 2) { totalCount } }') => {
      const response = await gql(app, query, { headers });
      responses.push(JSON.stringify(response.body));
    };
    try {
      await run({ 'x-api-key': 'demo-key-acme' });
      await run({ authorization: 'Bearer demo-jwt-globex' });
      await run({ 'x-api-key': 'unknown-key-5f0c2a9e7d' });
      await run({ authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl' });
      await run({});
      await run({ 'x-api-key': 'demo-key-acme', authorization: 'Bearer demo-jwt-globex' });
      // ECGrid echoing the key back in its message.
      simulator.injectFault({
        times: 2,
        fault: { kind: 'status', status: 400, body: { success: false, data: null, errorCode: 'InvalidParameter', message: 'bad key demo-key-acme' } },
      });
      await run({ 'x-api-key': 'demo-key-acme' });
      for (const fault of [
        { kind: 'status' as const, status: 500 },
        { kind: 'hang' as const },
        { kind: 'reset' as const },
        { kind: 'malformed' as const, body: '{"success": tru' },
        { kind: 'rateLimit' as const, retryAfter: '60' },
      ]) {
        simulator.injectFault({ times: 10, fault });
        await run({ 'x-api-key': 'demo-key-acme' });
        await run({});
        simulator.faults.clear();
      }
      await run({ 'x-api-key': 'demo-key-acme' }, '{ inbox(after: "demo-key-acme") { totalCount } }');
      await run({ 'x-api-key': 'demo-key-acme' }, '{ nosuchfield }');
    } finally {
      await stack.close();
    }
    expect(captured.length).toBeGreaterThan(500);
    expect(responses.length).toBeGreaterThan(10);
    for (const secret of SECRETS) {
      expect(captured.includes(secret), `log contains ${secret}`).toBe(false);
    }
    for (const secret of SECRETS.slice(1)) {
      expect(responses.join('\n').includes(secret), `a response contains ${secret}`).toBe(false);
    }
    // The only place the demo key may appear in a response is where the caller itself typed it.
    expect(responses.filter((r) => r.includes('demo-key-acme'))).toEqual([]);
  });
});
