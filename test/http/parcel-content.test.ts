/** GET /parcels/{parcelId}/content: the raw file over HTTP, with the credential, codes and limits of /graphql. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { contentDisposition, mediaTypeOf } from '../../src/http/file-type.js';
import { ACME, captureLogs, type MockedUpstream, mockUpstream, recorder, scrapeMetrics, urlOf } from '../helpers/index.js';

const ok = (data: unknown) => ({ success: true, data, errorCode: null, message: null });
const X12 = Buffer.from('ISA*00*          *00*          *ZZ*ACME           *ZZ*NORTHWIND      *261101*1000*U*00401*000000001*0*P*>~GS*PO~');

async function download(app: App, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch((await urlOf(app)).replace(/\/graphql$/, path), init);
}

function withDownload(answer: { status: number; body: unknown; headers?: Record<string, string> }, config = {}): MockedUpstream {
  const mocked = mockUpstream({ config: { ECGRID_MAX_RETRIES: 0, ...config } });
  mocked.pool.intercept({ path: '/v2/parcels/download', method: 'POST' }).reply(recorder(mocked.requests, answer.status, answer.body, answer.headers));
  return mocked;
}

describe('GET /parcels/{parcelId}/content', () => {
  it('answers the bytes with their type, length and a safe attachment name; one download call, counted, never a confirm', async () => {
    const { app, requests } = withDownload({ status: 200, body: ok({ parcelId: 55500001, fileName: 'PO_0001.x12', content: X12.toString('base64'), bytes: X12.length }) });
    const response = await download(app, '/parcels/55500001/content', { headers: ACME });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(X12)).toBe(true);
    expect(Object.fromEntries([...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'vary', 'x-request-id'].includes(name)))).toEqual({
      'content-type': 'application/edi-x12',
      'content-length': String(X12.length),
      'content-disposition': `attachment; filename="PO_0001.x12"; filename*=UTF-8''PO_0001.x12`,
      'cache-control': 'private, no-store, no-transform',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)} ${r.headers['x-api-key']}`)).toEqual([
      'POST /v2/parcels/download {"parcelId":55500001} demo-key-acme',
    ]);
    const samples = await scrapeMetrics(app);
    expect(samples.get('ecgrid_upstream_calls_total{endpoint="/v2/parcels/download",status_class="2xx"}')).toBe(1);
  });

  it('is never compressed on the way: the bytes and Content-Length are the file\'s own', async () => {
    const text = Buffer.from('The quick brown fox jumps over the lazy dog.\n'.repeat(200));
    const { app } = withDownload({ status: 200, body: ok({ fileName: 'notes.txt', content: text.toString('base64') }) });
    const response = await download(app, '/parcels/55500001/content', { headers: { ...ACME, 'accept-encoding': 'gzip, br' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(text.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(text)).toBe(true);
  });

  it('HEAD: the same head, no body', async () => {
    const { app } = withDownload({ status: 200, body: ok({ fileName: 'PO_0001.x12', content: X12.toString('base64') }) });
    const response = await download(app, '/parcels/55500001/content', { method: 'HEAD', headers: ACME });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/edi-x12');
    expect(await response.text()).toBe('');
  });

  it('401 without a credential of its own (the service key is not used), with no upstream call', async () => {
    const mocked = mockUpstream({ config: { ECGRID_API_KEY: 'service-key-123' } });
    for (const headers of [{}, { 'x-api-key': 'bad key!' }, { authorization: 'Basic abc' }] as Record<string, string>[]) {
      const response = await download(mocked.app, '/parcels/55500001/content', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await response.json()).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    expect(mocked.requests).toEqual([]);
  });

  it.each(['abc', '0', '-1', '01', '9007199254740992', '1.5', '%31'])('400 for the id %s, with no upstream call', async (id) => {
    const mocked = mockUpstream();
    const response = await download(mocked.app, `/parcels/${id}/content`, { headers: ACME });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(mocked.requests).toEqual([]);
  });

  it('405 for other methods', async () => {
    const { app, requests } = mockUpstream();
    const response = await download(app, '/parcels/1/content', { method: 'POST', headers: ACME });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(requests).toEqual([]);
  });

  const failures: [string, { status: number; body: unknown; headers?: Record<string, string> }, number, string][] = [
    ['absent or not visible', { status: 404, body: { success: false, data: null, errorCode: 'ObjectNotFound', message: 'Parcel not found' } }, 404, 'NOT_FOUND'],
    ['ECGrid down', { status: 503, body: { success: false, data: null, errorCode: 'InternalError', message: 'down' } }, 503, 'UPSTREAM_UNAVAILABLE'],
    ['ECGrid refusing the credential', { status: 401, body: { success: false, data: null, errorCode: 'InvalidAPIKey', message: 'bad key demo-key-acme' } }, 401, 'UNAUTHENTICATED'],
    ['rate limited', { status: 429, body: { success: false, data: null, errorCode: 'RateLimitExceeded', message: 'slow down' }, headers: { 'retry-after': '30' } }, 429, 'UPSTREAM_RATE_LIMITED'],
    ['a bad answer', { status: 200, body: ok({ content: 42 }) }, 502, 'UPSTREAM_BAD_RESPONSE'],
    ['an ECGrid error', { status: 400, body: { success: false, data: null, errorCode: 'InvalidParameter', message: 'no' } }, 502, 'UPSTREAM_ERROR'],
    ['a file over MAX_CONTENT_BYTES', { status: 200, body: ok({ content: Buffer.alloc(2048).toString('base64') }) }, 413, 'PAYLOAD_TOO_LARGE'],
  ];
  it.each(failures)('%s: a JSON error with the contract code, no stack, no credential', async (_name, answer, status, code) => {
    const logs = captureLogs('debug');
    const mocked = mockUpstream({ config: { ECGRID_MAX_RETRIES: 0, ECGRID_RETRY_AFTER_CAP_MS: 0, MAX_CONTENT_BYTES: 1024 }, app: { logger: logs.logger } });
    mocked.pool.intercept({ path: '/v2/parcels/download', method: 'POST' }).reply(recorder(mocked.requests, answer.status, answer.body, answer.headers));
    const response = await download(mocked.app, '/parcels/55500001/content', { headers: ACME });
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = JSON.parse(text);
    expect(body.errors[0].extensions.code).toBe(code);
    if (code === 'UPSTREAM_RATE_LIMITED') expect(response.headers.get('retry-after')).toBe('30');
    expect(text).not.toMatch(/demo-key-acme|\bat .*\.ts:\d+/);
    expect(logs.text()).not.toContain('demo-key-acme');
    expect(mocked.requests).toHaveLength(1);
  });
});

describe('the file type and name', () => {
  const bytes = (text: string) => Buffer.from(text);
  it.each([
    ['an X12 interchange', null, bytes('ISA*00*'), 'application/edi-x12'],
    ['X12 after a BOM and a newline', 'x.edi', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('\r\nISA*00')]), 'application/edi-x12'],
    ['EDIFACT with UNA', 'x.edi', bytes("UNA:+.? 'UNB+UNOC:3"), 'application/edifact'],
    ['EDIFACT with UNB', null, bytes('UNB+UNOC:3+'), 'application/edifact'],
    ['XML', 'order.cxml', bytes('<?xml version="1.0"?><cXML/>'), 'application/xml'],
    ['PDF', 'invoice.bin', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['by extension: .pdf', 'a.PDF', bytes('garbage'), 'application/pdf'],
    ['by extension: .x12', 'a.x12', bytes('no header'), 'application/edi-x12'],
    ['TRADACOMS text', 'ORDERS.tra', bytes('STX=ANA:1+'), 'text/plain; charset=utf-8'],
    ['binary', 'labels.dat', Buffer.from([0x00, 0x01, 0xff]), 'application/octet-stream'],
    ['invalid UTF-8', null, Buffer.from([0x41, 0xc3, 0x28]), 'application/octet-stream'],
  ])('%s', (_name, fileName, content, type) => {
    expect(mediaTypeOf(fileName, content)).toBe(type);
  });

  it.each([
    ['PO_0001.x12', `attachment; filename="PO_0001.x12"; filename*=UTF-8''PO_0001.x12`],
    ['../../etc/pa"ss wd.x12', `attachment; filename="pa_ss wd.x12"; filename*=UTF-8''pa%22ss%20wd.x12`],
    ['C:\\out\\Bestellung_ü.edi', `attachment; filename="Bestellung__.edi"; filename*=UTF-8''Bestellung_%C3%BC.edi`],
    ['evil\r\nSet-Cookie: x=1', `attachment; filename="evilSet-Cookie: x=1"; filename*=UTF-8''evilSet-Cookie%3A%20x%3D1`],
    ["it's (50%).txt", `attachment; filename="it's (50_).txt"; filename*=UTF-8''it%27s%20%2850%25%29.txt`],
    ['..', `attachment; filename="parcel-7"; filename*=UTF-8''parcel-7`],
    [null, `attachment; filename="parcel-7"; filename*=UTF-8''parcel-7`],
    ['\ud800x.txt', `attachment; filename="_x.txt"; filename*=UTF-8''_x.txt`],
  ])('%s', (fileName, header) => {
    expect(contentDisposition(fileName, 7)).toBe(header);
  });
});
