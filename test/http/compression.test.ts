/** Response compression through the listener on a port: large answers gzip or br when accepted, small ones and streams never. */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, startStack, type Stack, urlOf } from '../helpers/index.js';

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, still encoded. */
  readonly body: Buffer;
  readonly ms: number;
}

/** One request with exactly these headers (node:http adds no Accept-Encoding, and decodes nothing). */
async function raw(stack: Stack, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Raw> {
  const url = new URL(init.path ?? '/graphql', await urlOf(stack.app));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const decoded = (answer: Raw) => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
};

const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const PAGE = '{ inbox(first: 100) { totalCount edges { cursor node { id interchangeId sender receiver documentType status created } } } }';
const postJson = (query: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...ACME, ...headers },
  body: JSON.stringify({ query }),
});

describe('response compression', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('sends the GraphiQL page as br or gzip, as the browser accepts, and caches the compressed page', async () => {
    const plain = await raw(stack, { headers: BROWSER });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const html = plain.body.toString('utf8');
    expect(html).toContain('ECGrid GraphQL');

    const timings: string[] = [];
    for (const [acceptEncoding, expected] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.9', 'br'],
      ['*', 'br'],
    ] as const) {
      const first = await raw(stack, { headers: { ...BROWSER, 'accept-encoding': acceptEncoding } });
      const again = await raw(stack, { headers: { ...BROWSER, 'accept-encoding': acceptEncoding } });
      for (const answer of [first, again]) {
        expect(answer.status).toBe(200);
        expect(answer.headers['content-encoding'], acceptEncoding).toBe(expected);
        expect(String(answer.headers['vary'])).toMatch(/accept-encoding/i);
        expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
        expect(answer.body.length).toBeLessThan(html.length / 3);
        expect(decoded(answer)).toBe(html);
      }
      expect(again.body.equals(first.body)).toBe(true);
      timings.push(`${acceptEncoding}: ${first.body.length} B ${expected}, ${Math.round(first.ms)} ms, again ${Math.round(again.ms)} ms`);
    }
    console.log(`GraphiQL page: ${plain.body.length} B uncompressed in ${Math.round(plain.ms)} ms; ${timings.join('; ')}`);
  });

  it('compresses a large JSON answer on the fast path and through yoga; never when not accepted', async () => {
    const fast = await raw(stack, { ...postJson(PAGE, { 'accept-encoding': 'gzip' }) });
    expect(fast.status).toBe(200);
    expect(fast.headers['content-encoding']).toBe('gzip');
    expect(String(fast.headers['vary'])).toMatch(/accept-encoding/i);
    expect(Number(fast.headers['content-length'])).toBe(fast.body.length);
    const body = JSON.parse(decoded(fast)) as { data: { inbox: { edges: unknown[] } } };
    expect(body.data.inbox.edges).toHaveLength(100);

    const viaYoga = await raw(stack, { path: `/graphql?query=${encodeURIComponent(PAGE)}`, headers: { accept: 'application/json', ...ACME, 'accept-encoding': 'br' } });
    expect(viaYoga.status).toBe(200);
    expect(viaYoga.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decoded(viaYoga))).toEqual(body);

    const identity = await raw(stack, { ...postJson(PAGE) });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.body.toString('utf8'))).toEqual(body);
    const refused = await raw(stack, { ...postJson(PAGE, { 'accept-encoding': 'gzip;q=0, br;q=0' }) });
    expect(refused.headers['content-encoding']).toBeUndefined();
    console.log(`100-row inbox page: ${identity.body.length} B plain, ${fast.body.length} B gzip, ${viaYoga.body.length} B br`);
  });

  it('leaves small answers alone', async () => {
    const requests: Parameters<typeof raw>[1][] = [
      postJson('{ __typename }', { 'accept-encoding': 'gzip, br' }),
      { path: '/health', headers: { 'accept-encoding': 'gzip, br' } },
      { path: '/graphql?query=%7B__typename%7D', headers: { accept: 'application/json', 'accept-encoding': 'gzip, br' } },
    ];
    for (const init of requests) {
      const answer = await raw(stack, init);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.length).toBeLessThan(1_024);
      expect(answer.body.toString('utf8')).toMatch(/^\{/);
    }
  });

  it('never buffers a stream: a large answer over Server-Sent Events goes out as it is', async () => {
    const stream = await raw(stack, {
      path: `/graphql?query=${encodeURIComponent(PAGE)}`,
      headers: { accept: 'text/event-stream', ...ACME, 'accept-encoding': 'gzip, br' },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    // yoga marks its streams `Content-Encoding: none`, so that proxies do not buffer them either.
    expect([undefined, 'none']).toContain(stream.headers['content-encoding']);
    expect(stream.body.length).toBeGreaterThan(1_024);
    expect(stream.body.toString('utf8')).toContain('event: next');
  });

  it('keeps an error answer intact: status, media type and body', async () => {
    const query = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: mailboxStats { sent }`).join(' ')} }`;
    const plain = await raw(stack, postJson(query));
    const compressed = await raw(stack, postJson(query, { 'accept-encoding': 'gzip' }));
    expect(compressed.status).toBe(plain.status);
    expect(compressed.headers['content-type']).toBe(plain.headers['content-type']);
    expect(decoded(compressed)).toBe(plain.body.toString('utf8'));
  });
});
