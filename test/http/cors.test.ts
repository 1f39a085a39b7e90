/** CORS: no cross-origin reads unless CORS_ORIGINS lists the origin exactly; preflights run nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { appBefore, type Stack, startStack } from '../helpers/index.js';
import { jsonOf, SURFACES } from '../helpers/raw-request.js';

const ALLOWED = 'https://app.example.com';
/** Foreign origins, and near misses of the allowed one (scheme, port, a longer host). */
const FOREIGN = [
  'https://evil.example',
  'null',
  'http://localhost:4000.evil.example',
  'http://app.example.com',
  'https://app.example.com:8443',
  'https://app.example.com.evil.example',
];
const STATS = JSON.stringify({ query: '{ mailboxStats { sent } }' });

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
});
// No credential of its own: it runs on ECGRID_API_KEY, which is what a foreign page must not read.
const post = (origin: string) => ({ headers: { origin, 'content-type': 'application/json' }, body: STATS });

describe.each(SURFACES)('CORS, through %s', (_name, send) => {
  let stack: Stack;
  let open: App;
  beforeAll(async () => {
    stack = await startStack({ config: { ECGRID_API_KEY: 'demo-key-acme' } });
    open = appBefore(stack, { config: { ECGRID_API_KEY: 'demo-key-acme', CORS_ORIGINS: [ALLOWED] } });
  });
  afterAll(() => stack.close());

  const expectNoCors = (headers: Headers) => {
    expect(headers.get('access-control-allow-origin')).toBeNull();
    expect(headers.get('access-control-allow-credentials')).toBeNull();
  };

  it.each([...FOREIGN, ALLOWED])('without CORS_ORIGINS, a preflight from %s gets no CORS header and calls nothing', async (origin) => {
    stack.simulator.resetCalls();
    const response = await send(stack.app, preflight(origin));
    expectNoCors(response.headers);
    expect(stack.simulator.callCount).toBe(0);
  });

  it.each([...FOREIGN, ALLOWED])('without CORS_ORIGINS, a POST from %s is answered with no CORS header', async (origin) => {
    const response = await send(stack.app, post(origin));
    expect(response.status).toBe(200);
    expectNoCors(response.headers);
  });

  it('with CORS_ORIGINS, a preflight from that exact origin is allowed, with credentials, and calls nothing', async () => {
    stack.simulator.resetCalls();
    const response = await send(open, preflight(ALLOWED));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(response.headers.get('vary')).toMatch(/origin/i);
    expect(stack.simulator.callCount).toBe(0);
  });

  it.each(FOREIGN)('with CORS_ORIGINS, a preflight from %s gets no CORS header and calls nothing', async (origin) => {
    stack.simulator.resetCalls();
    const response = await send(open, preflight(origin));
    expectNoCors(response.headers);
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
    expect(stack.simulator.callCount).toBe(0);
  });

  it('with CORS_ORIGINS, a POST from that origin may be read; from any other, not', async () => {
    const allowed = await send(open, post(ALLOWED));
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    expect(jsonOf(allowed)?.data).toEqual({ mailboxStats: { sent: expect.any(Number) } });
    for (const origin of FOREIGN) {
      const response = await send(open, post(origin));
      expectNoCors(response.headers);
      expect(response.headers.get('vary'), origin).toMatch(/origin/i);
    }
  });
});

describe('CORS_ORIGINS', () => {
  it('is a list of exact origins, normalised as browsers send them', () => {
    expect(loadConfig({}).CORS_ORIGINS).toBeUndefined();
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, HTTP://Localhost:5173/ ,https://b.example:443' }).CORS_ORIGINS).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
      'https://b.example',
    ]);
  });

  it.each(['*', 'null', 'app.example.com', 'https://app.example.com/path', 'https://*.example.com', 'ftp://app.example.com', 'https://user@app.example.com', 'https://a.example?x', ','])(
    'refuses %j at start',
    (value) => {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    },
  );
});
