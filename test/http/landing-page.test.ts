/** GET / (a pointer to /graphql and the probes) and GET /health, through the listener on a port. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appBefore, mockUpstream, startStack, type Stack } from '../helpers/index.js';
import { overPort } from '../helpers/raw-request.js';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('GET /', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('shows a browser a small page that links to /graphql and the probes', async () => {
    const page = await overPort(stack.app, { method: 'GET', path: '/', headers: { accept: BROWSER } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    for (const path of ['/graphql', '/health', '/ready', '/metrics']) expect(page.text).toContain(`href="${path}"`);
    expect(page.text).toContain('GraphiQL');
    expect(page.text.length).toBeLessThan(4_096);
  });

  it('answers other clients in JSON, and runs nothing upstream', async () => {
    stack.simulator.resetCalls();
    for (const headers of [{}, { accept: 'application/json' }, { accept: '*/*' }] as Record<string, string>[]) {
      const answer = await overPort(stack.app, { method: 'GET', path: '/', headers });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(answer.text)).toMatchObject({ graphql: '/graphql', health: '/health', ready: '/ready', metrics: '/metrics' });
    }
    expect(stack.simulator.callCount).toBe(0);
  });

  it('does not offer GraphiQL when GRAPHIQL is off', async () => {
    const app = appBefore(stack, { config: { GRAPHIQL: false } });
    const page = await overPort(app, { method: 'GET', path: '/', headers: { accept: BROWSER } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/graphql"');
    expect(page.text).not.toContain('GraphiQL');
  });

  it('leaves other unknown paths a 404', async () => {
    const answer = await overPort(stack.app, { method: 'GET', path: '/nothing-here', headers: {} });
    expect(answer.status).toBe(404);
  });
});

describe('GET /health', () => {
  it('answers 200 {"status":"ok"} as JSON', async () => {
    const stack = await startStack();
    try {
      for (const headers of [{}, { accept: BROWSER }] as Record<string, string>[]) {
        const health = await overPort(stack.app, { method: 'GET', path: '/health', headers });
        expect(health.status).toBe(200);
        expect(health.headers.get('content-type')).toMatch(/^application\/json/);
        expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
      }
    } finally {
      await stack.close();
    }
  });

  it('never asks ECGrid: the same answer with ECGrid unreachable', async () => {
    const { app, agent } = mockUpstream();
    const health = await overPort(app, { method: 'GET', path: '/health', headers: {} });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    await agent.close();
  });
});
