/** Content negotiation happens before execution: an Accept the server cannot answer gets 406 and no upstream call. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { acceptsAnswer } from '../../src/http/content-negotiation.js';
import { ACME, appBefore, type Stack, startStack } from '../helpers/index.js';
import { jsonOf, type RawResponse, SURFACES } from '../helpers/raw-request.js';

// Two ECGrid calls when it runs.
const QUERY = '{ mailboxStats { sent } inbox(first: 1) { totalCount } }';
const UNANSWERABLE = ['text/html', 'image/png', 'application/xml;q=1', '', 'text/html, application/xhtml+xml', 'application/json;charset=iso-8859-1'];
const ANSWERABLE = [
  'application/json',
  'application/graphql-response+json',
  '*/*',
  'application/*',
  'text/html, application/json;q=0.9',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
];

describe.each(SURFACES)('content negotiation, through %s', (_name, send) => {
  let stack: Stack;
  let noGraphiql: App;
  beforeAll(async () => {
    stack = await startStack();
    noGraphiql = appBefore(stack, { config: { GRAPHIQL: false } });
  });
  afterAll(() => stack.close());

  const expectRefused = (response: RawResponse) => {
    expect(response.status).toBe(406);
    const message = jsonOf(response)?.errors?.[0]?.message;
    expect(message).toMatch(/Accept header/);
    expect(message).toContain('application/json');
    expect(stack.simulator.callCount).toBe(0);
  };
  const get = (accept: string, query = QUERY) => ({
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(query)}`,
    headers: { ...ACME, accept },
  });
  const post = (accept: string) => ({ headers: { ...ACME, 'content-type': 'application/json', accept }, body: JSON.stringify({ query: QUERY }) });

  it.each(UNANSWERABLE)('refuses a POST with Accept: %j before running it', async (accept) => {
    stack.simulator.resetCalls();
    expectRefused(await send(stack.app, post(accept)));
  });

  it.each(UNANSWERABLE)('refuses a GET with a query and Accept: %j before running it (GraphiQL off)', async (accept) => {
    stack.simulator.resetCalls();
    expectRefused(await send(noGraphiql, get(accept)));
  });

  it.each(['image/png', 'application/xml;q=1', ''])('refuses a GET with Accept: %j with GraphiQL on too', async (accept) => {
    stack.simulator.resetCalls();
    expectRefused(await send(stack.app, get(accept)));
  });

  it.each(ANSWERABLE)('answers a POST with Accept: %j', async (accept) => {
    stack.simulator.resetCalls();
    const response = await send(stack.app, post(accept));
    expect(response.status).toBe(200);
    expect(jsonOf(response)?.errors).toBeUndefined();
    expect(stack.simulator.callCount).toBe(2);
  });

  it('answers a GET in JSON, and in Server-Sent Events when asked', async () => {
    const json = await send(noGraphiql, get('application/graphql-response+json'));
    expect(json.status).toBe(200);
    expect(jsonOf(json)?.data).toMatchObject({ mailboxStats: { sent: expect.any(Number) } });
    const events = await send(stack.app, post('text/event-stream'));
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    expect(events.text).toContain('mailboxStats');
  });

  it('still serves GraphiQL to a browser GET, with or without a query, and runs nothing', async () => {
    stack.simulator.resetCalls();
    for (const path of ['/graphql', `/graphql?query=${encodeURIComponent(QUERY)}`]) {
      const page = await send(stack.app, { method: 'GET', path, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('<html');
    }
    expect(stack.simulator.callCount).toBe(0);
  });

  it('leaves other paths alone', async () => {
    const health = await send(stack.app, { method: 'GET', path: '/health', headers: { accept: 'text/html' } });
    expect(health.status).toBe(200);
  });
});

describe('acceptsAnswer, as yoga reads Accept', () => {
  it.each([
    [null, true],
    ['text/event-stream', true],
    ['multipart/mixed;deferSpec=20220824', true],
    ['text/*', true],
    ['application/json; charset=utf-8', true],
    ['APPLICATION/JSON', true],
    ['application/json;charset=latin1', false],
    ['text/plain', false],
    ['', false],
    ['*', false],
  ] as const)('%j: %s', (accept, expected) => {
    expect(acceptsAnswer(accept)).toBe(expected);
  });
});
