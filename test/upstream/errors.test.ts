import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, gql, mockUpstream, recorder, startStack, type Stack } from '../helpers/index.js';

const STATS = '{ mailboxStats { sent } }';
const KEY = 'secret-key-0123456789';

async function statsAnswer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const { app, pool, requests } = mockUpstream();
  pool.intercept({ path: '/v2/reports/mailbox-interchange-stats', method: 'GET' }).reply(recorder(requests, status, body, headers)).persist();
  const response = await gql(app, STATS, { headers: { 'x-api-key': KEY } });
  return { ...response, requests };
}

const envelope = (errorCode: string, message: string) => ({ success: false, data: null, errorCode, message });

describe('upstream errors map to the contract codes', () => {
  it.each([
    [401, envelope('InvalidAPIKey', 'The API key is missing or has been revoked'), 'UNAUTHENTICATED', 'InvalidAPIKey'],
    [401, envelope('InvalidSession', 'expired'), 'UNAUTHENTICATED', 'InvalidSession'],
    [403, envelope('AccessDenied', 'AuthLevel too low'), 'FORBIDDEN', 'AccessDenied'],
    [400, envelope('InvalidParameter', 'pageNo must be 1 or greater'), 'UPSTREAM_ERROR', 'InvalidParameter'],
    [400, envelope('DuplicateObject', 'exists'), 'UPSTREAM_ERROR', 'DuplicateObject'],
    [200, envelope('InvalidParameter', 'success false on a 200'), 'UPSTREAM_ERROR', 'InvalidParameter'],
    [404, envelope('ObjectNotFound', 'no report'), 'UPSTREAM_ERROR', 'ObjectNotFound'],
    // After the retries, undici's retry interceptor hands over the status and headers, not the body.
    [500, envelope('InternalError', 'boom'), 'UPSTREAM_UNAVAILABLE', undefined],
    [503, '', 'UPSTREAM_UNAVAILABLE', undefined],
  ])('HTTP %i %j -> %s', async (status, body, code, upstreamErrorCode) => {
    const { body: result } = await statsAnswer(status, body);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(result.errors?.[0]?.extensions?.['upstreamErrorCode']).toBe(upstreamErrorCode);
    expect(result.errors?.[0]?.path).toEqual(['mailboxStats']);
  });

  it('429 -> UPSTREAM_RATE_LIMITED with retryAfter in seconds (delta or HTTP date)', async () => {
    const seconds = await statsAnswer(429, envelope('RateLimitExceeded', 'slow down'), { 'retry-after': '17' });
    expect(seconds.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 17 });
    const date = new Date(Date.now() + 42_000).toUTCString();
    const httpDate = await statsAnswer(429, envelope('RateLimitExceeded', 'slow down'), { 'retry-after': date });
    const retryAfter = httpDate.body.errors?.[0]?.extensions?.['retryAfter'];
    expect(retryAfter).toBeGreaterThanOrEqual(40);
    expect(retryAfter).toBeLessThanOrEqual(43);
  });

  it.each([
    ['an HTML page', 200, '<html><body>Gateway</body></html>'],
    ['truncated JSON', 200, '{"success": true, "data": {"sent": 1'],
    ['a JSON array', 200, '[1,2,3]'],
    ['an empty body', 200, ''],
    ['success without data', 200, { success: true }],
    ['an HTML 400', 400, '<html>Bad Request</html>'],
  ])('%s -> UPSTREAM_BAD_RESPONSE', async (_name, status, body) => {
    const { body: result } = await statsAnswer(status, body);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('an ASP.NET ProblemDetails 400 -> UPSTREAM_ERROR carrying its traceId', async () => {
    const { body } = await statsAnswer(400, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { '$.pageNo': ['The JSON value could not be converted to System.Int32.'] },
      traceId: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00',
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      traceId: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00',
      upstreamStatus: 400,
    });
    expect(body.errors?.[0]?.message).toContain('$.pageNo');
  });

  it('removes the credential from an upstream message that echoes it', async () => {
    const { body } = await statsAnswer(401, envelope('InvalidAPIKey', `API key ${KEY} was revoked`));
    expect(body.errors?.[0]?.message).toBe('API key [redacted] was revoked');
    expect(JSON.stringify(body)).not.toContain(KEY);
  });

  it('a refused connection -> UPSTREAM_UNAVAILABLE with no stack or internals', async () => {
    const { app, pool } = mockUpstream();
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    pool.intercept({ path: '/v2/reports/mailbox-interchange-stats', method: 'GET' }).replyWithError(refused).persist();
    const { body } = await gql(app, STATS, { headers: { 'x-api-key': KEY } });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts|10\.0\.0\.1/);
  });
});

describe('upstream failures against the real simulator socket', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: { ECGRID_ATTEMPT_TIMEOUT_MS: 300, ECGRID_TIMEOUT_MS: 600 } });
  });
  afterAll(() => stack.close());

  it('a hanging upstream -> UPSTREAM_UNAVAILABLE within the deadline', async () => {
    stack.simulator.injectFault({ path: '/v2/reports', times: 5, fault: { kind: 'hang' } });
    const started = performance.now();
    const { body } = await gql(stack.app, STATS, { headers: ACME });
    const elapsed = performance.now() - started;
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(elapsed).toBeLessThan(5_000);
    stack.simulator.faults.clear();
  });

  it('a reset connection -> UPSTREAM_UNAVAILABLE', async () => {
    stack.simulator.injectFault({ path: '/v2/reports', times: 5, fault: { kind: 'reset' } });
    const { body } = await gql(stack.app, STATS, { headers: ACME });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    stack.simulator.faults.clear();
  });

  it('still answers normally afterwards', async () => {
    const { body } = await gql(stack.app, STATS, { headers: ACME });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['mailboxStats'].sent).toBe(stack.simulator.stats(1001).sent);
  });
});
