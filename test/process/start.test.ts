import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/http/graphiql.js';
import { freePort } from '../helpers/index.js';

/** `npm start` as a newcomer runs it: no configuration but where to listen. */
describe('npm start on a fresh clone', () => {
  let child: ChildProcess;
  let port: number;
  const lines: string[] = [];
  let exited: Promise<{ code: number | null; signal: string | null }>;

  beforeAll(async () => {
    port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
    delete env['ECGRID_BASE_URL'];
    delete env['ECGRID_API_KEY'];
    // Its own process group, so that the test can stop whatever npm started, as a terminal's Ctrl-C
    // does (test/process/npm-start-signal.test.ts checks a signal to npm alone).
    child = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const reader = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not listening: ${lines.join('\n')}`)), 20_000);
      reader.on('line', (line) => {
        lines.push(line);
        if (line.includes('GraphQL at')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };

  afterAll(async () => {
    signalGroup('SIGTERM');
    await exited;
  });

  it('says "simulator" in its first log line, and how to use the real API', () => {
    expect(lines[0]).toContain('simulator');
    expect(lines[0]).toContain('ECGRID_BASE_URL');
  });

  it('answers GET /health with 200', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
  });

  it('serves GraphiQL to a browser, with the example operations and the demo key, from no CDN', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('ECGrid GraphQL');
    expect(html).toContain('query MailboxStats');
    expect(html).toContain('demo-key-acme');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
  });

  it('answers the example operations on simulator data with the preset header', async () => {
    for (const example of exampleOperations()) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'demo-key-acme' },
        body: JSON.stringify({ query: example.query, variables: example.variables }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect(body.errors, example.name).toBeUndefined();
      expect(body.data, example.name).toBeDefined();
    }
    const stats = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-key-acme' },
      body: JSON.stringify({ query: '{ mailboxStats { sent received } inbox(first: 1) { totalCount } }' }),
    });
    const { data } = (await stats.json()) as { data: { mailboxStats: { sent: number }; inbox: { totalCount: number } } };
    expect(data.mailboxStats.sent).toBeGreaterThan(0);
    expect(data.inbox.totalCount).toBeGreaterThan(1000);
  });

  it('stops on SIGTERM', async () => {
    signalGroup('SIGTERM');
    // npm itself may report the signal rather than the server's exit code 0.
    expect([{ code: 0, signal: null }, { code: null, signal: 'SIGTERM' }, { code: 143, signal: null }]).toContainEqual(await exited);
  });
});

describe('npm start with bad configuration', () => {
  it('exits with a clear message naming the bad settings', async () => {
    const env = { ...process.env, PORT: 'eighty', ECGRID_BASE_URL: 'ftp://nope', LOG_LEVEL: 'loud' };
    const child = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('ECGRID_BASE_URL');
    expect(stderr).toContain('LOG_LEVEL');
  });
});
