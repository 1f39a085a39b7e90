import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/index.js';

/**
 * The GraphQL over HTTP spec's server audits (the graphql-http package), against the server as
 * `npm start` serves it (the app's listener, with its fast path, behind node:http on a loopback
 * port) and against yoga's own node adapter.
 */
describe.each([
  ['the listener', (stack: Stack) => stack.app.listener],
  ["yoga's node adapter", (stack: Stack) => stack.app],
] as const)('GraphQL over HTTP compliance (graphql-http server audits), through %s', (_name, handler) => {
  let stack: Stack;
  let server: Server;
  let url = '';

  beforeAll(async () => {
    stack = await startStack();
    server = createServer(handler(stack));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await stack.close();
  });

  const audits = serverAudits({ url: () => url });

  it('has audits at every level', () => {
    const levels = audits.map((audit) => audit.name.split(' ')[0]);
    expect(levels.filter((l) => l === 'MUST').length).toBeGreaterThan(10);
    expect(levels.filter((l) => l === 'SHOULD').length).toBeGreaterThan(10);
  });

  it.each(audits.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });
});
