/** Malformed request parameters are the client's mistake: a 4xx with code BAD_REQUEST and a hint, never an internal error, no upstream call. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, type Stack, startStack } from '../helpers/index.js';
import { jsonOf, type RawResponse, SURFACES } from '../helpers/raw-request.js';

const QUERY = '{ mailboxStats { sent } }';
const SECRET = 'do-not-echo-me-0123456789';

const getWith = (name: string, value: string) => ({
  method: 'GET',
  path: `/graphql?query=${encodeURIComponent(QUERY)}&${name}=${encodeURIComponent(value)}`,
  headers: { ...ACME, accept: 'application/json' },
});
const postJson = (body: Record<string, unknown>) => ({
  headers: { ...ACME, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify(body),
});

describe.each(SURFACES)('malformed request parameters, through %s', (_name, send) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const expectRefused = (response: RawResponse, status: number, message: RegExp) => {
    const body = jsonOf(response);
    expect({ status: response.status, code: body?.errors?.[0]?.extensions?.['code'] }).toEqual({ status, code: 'BAD_REQUEST' });
    expect(body?.errors?.[0]?.message).toMatch(message);
    expect(response.text).not.toContain('INTERNAL_SERVER_ERROR');
    expect(response.text).not.toContain(SECRET);
    expect(stack.simulator.callCount).toBe(0);
  };

  it.each([
    ['variables', '{bad'],
    ['extensions', '{bad'],
    ['variables', `{"a": "${SECRET}"`],
    ['extensions', `${SECRET}`],
  ])('GET with %s=%s that is not JSON: 400', async (name, value) => {
    stack.simulator.resetCalls();
    expectRefused(await send(stack.app, getWith(name, value)), 400, new RegExp(`"${name}".*not valid JSON`));
  });

  it.each([
    ['variables', '[1]'],
    ['variables', '"str"'],
    ['variables', '123'],
    ['variables', 'true'],
    ['extensions', '[1]'],
    ['extensions', '"str"'],
    ['extensions', '0'],
  ])('GET with %s=%s that is JSON but not an object: 400', async (name, value) => {
    stack.simulator.resetCalls();
    expectRefused(await send(stack.app, getWith(name, value)), 400, new RegExp(`"${name}"`));
  });

  it('GET with variables=null or extensions=null runs, as a POST with null ones does', async () => {
    for (const name of ['variables', 'extensions']) {
      const response = await send(stack.app, getWith(name, 'null'));
      expect(response.status).toBe(200);
      expect(jsonOf(response)?.data).toEqual({ mailboxStats: { sent: expect.any(Number) } });
    }
  });

  it.each([
    ['variables', 'str'],
    ['variables', [1]],
    ['variables', 5],
    ['variables', true],
    ['extensions', 'str'],
    ['extensions', [1]],
    ['extensions', 0],
  ])('POST with JSON %s of the wrong type (%j): 400', async (name, value) => {
    stack.simulator.resetCalls();
    expectRefused(await send(stack.app, postJson({ query: QUERY, [name]: value })), 400, new RegExp(`"${name}"`));
  });

  it('POST of a form whose variables are not JSON: 400', async () => {
    stack.simulator.resetCalls();
    const body = new URLSearchParams({ query: QUERY, variables: '{bad' }).toString();
    const response = await send(stack.app, { headers: { ...ACME, 'content-type': 'application/x-www-form-urlencoded' }, body });
    expectRefused(response, 400, /"variables".*not valid JSON/);
  });

  it('POST of JSON labelled as a form (curl -d): 400 that names the Content-Type to send', async () => {
    stack.simulator.resetCalls();
    const response = await send(stack.app, { headers: { ...ACME, 'content-type': 'application/x-www-form-urlencoded' }, body: JSON.stringify({ query: QUERY }) });
    expectRefused(response, 400, /Content-Type: application\/json/);
  });

  it.each([
    ['no Content-Type', {}],
    ['text/plain', { 'content-type': 'text/plain;charset=UTF-8' }],
    ['application/xml', { 'content-type': 'application/xml' }],
  ])('POST with %s: 415 that names the Content-Type to send', async (_what, headers) => {
    stack.simulator.resetCalls();
    const response = await send(stack.app, { headers: { ...ACME, ...headers }, body: JSON.stringify({ query: QUERY }) });
    expectRefused(response, 415, /Content-Type: application\/json/);
  });

  it('still runs well-formed GETs, forms and POSTs', async () => {
    const variables = JSON.stringify({ n: 1 });
    const query = 'query ($n: Int) { inbox(first: $n) { totalCount } }';
    const get = await send(stack.app, { method: 'GET', path: `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}&extensions=%7B%7D`, headers: ACME });
    const form = await send(stack.app, { headers: { ...ACME, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query, variables }).toString() });
    const post = await send(stack.app, postJson({ query, variables: { n: 1 }, extensions: {} }));
    for (const response of [get, form, post]) {
      expect(response.status).toBe(200);
      expect(jsonOf(response)?.data).toEqual({ inbox: { totalCount: expect.any(Number) } });
    }
  });
});
