import { Agent, fetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

const STATS = JSON.stringify({ query: 'query Stats { mailboxStats { sent received } }' });
const post = (server: ServerProcess, dispatcher: Agent) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'demo-key-acme' },
    body: STATS,
    dispatcher,
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real process: signals, sockets, exit codes. Timings are printed for the record. */
describe('graceful shutdown of the real process', () => {
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('on SIGTERM: refuses new connections, finishes the in-flight request on its keep-alive connection, exits 0', async () => {
    const latency = 1_500;
    server = await startServer({ SIMULATOR_LATENCY_MS: String(latency) });
    const keepAlive = new Agent({ keepAliveTimeout: 30_000 });
    // A kept-alive connection first, so that the in-flight request rides on one.
    const warmUp = await post(server, keepAlive);
    expect(warmUp.status).toBe(200);
    await warmUp.text();

    const sentAt = performance.now();
    const inFlight = post(server, keepAlive);
    await sleep(300);
    const signalAt = performance.now();
    server.child.kill('SIGTERM');
    await server.waitForLine((line) => line['msg']?.startsWith('shutting down'));

    // Not listening any more (a connection that raced the close is reset rather than refused).
    await sleep(50);
    const fresh = new Agent();
    const refused = await fetch(`${server.url}/health`, { dispatcher: fresh }).then(
      (response) => response.status,
      (error: { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(['ECONNREFUSED', 'ECONNRESET']).toContain(refused);

    const response = await inFlight;
    const answeredAt = performance.now();
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    const body = (await response.json()) as { data: { mailboxStats: { sent: number } } };
    expect(body.data.mailboxStats.sent).toBeGreaterThan(0);

    const { code, at } = await server.exited;
    expect(code).toBe(0);
    const stopping = server.lines.find((line) => line['msg']?.startsWith('shutting down'));
    expect(stopping).toMatchObject({ signal: 'SIGTERM', inFlight: 1 });
    expect(server.lines.at(-1)).toMatchObject({ msg: 'stopped', forced: false });
    // Exit follows the last response, not Node's 5 s keep-alive timeout.
    expect(at - answeredAt).toBeLessThan(1_500);
    expect(at - signalAt).toBeLessThan(latency + 1_500);
    console.log(
      `shutdown timing: request sent at 0 ms, SIGTERM at ${Math.round(signalAt - sentAt)} ms, in-flight answered 200 at ` +
        `${Math.round(answeredAt - sentAt)} ms, process exited 0 at ${Math.round(at - sentAt)} ms ` +
        `(${Math.round(at - signalAt)} ms after SIGTERM; drain ${server.lines.at(-1)?.['drainMs']} ms)`,
    );
    await Promise.all([keepAlive.close(), fresh.close()]);
  });

  it('on SIGINT with nothing in flight: exits 0 at once', async () => {
    server = await startServer();
    const signalAt = performance.now();
    server.child.kill('SIGINT');
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - signalAt).toBeLessThan(1_500);
    console.log(`shutdown timing: idle server exited 0 ${Math.round(at - signalAt)} ms after SIGINT`);
  });

  it('at the deadline (SHUTDOWN_TIMEOUT_MS): cuts off what is left and exits 1', async () => {
    server = await startServer({ SIMULATOR_LATENCY_MS: '8000', SHUTDOWN_TIMEOUT_MS: '500' });
    const agent = new Agent();
    const inFlight = post(server, agent).then(
      (response) => response.status,
      (error: Error) => error,
    );
    await sleep(300);
    const signalAt = performance.now();
    server.child.kill('SIGTERM');
    const { code, at } = await server.exited;
    expect(code).toBe(1);
    expect(at - signalAt).toBeGreaterThanOrEqual(450);
    expect(at - signalAt).toBeLessThan(3_000);
    expect(await inFlight).toBeInstanceOf(Error);
    expect(server.lines.find((line) => line['msg']?.startsWith('shutdown deadline passed'))).toMatchObject({ forced: true, abandoned: 1 });
    console.log(`shutdown timing: deadline 500 ms, exited 1 ${Math.round(at - signalAt)} ms after SIGTERM`);
    await agent.close();
  });
});

describe('shutdown with a closed stdout', () => {
  it('still exits when whoever read the logs has gone (e.g. `npm start | head`)', async () => {
    const server = await startServer();
    try {
      server.child.stdout!.destroy(); // the reading end of the pipe closes
      await sleep(100);
      const signalAt = performance.now();
      server.child.kill('SIGTERM');
      const exited = await Promise.race([server.exited, sleep(8_000).then(() => undefined)]);
      expect(exited, 'the process hung on exit').toBeDefined();
      expect(exited!.code).toBe(0);
      console.log(`shutdown timing: with stdout closed, exited 0 ${Math.round(exited!.at - signalAt)} ms after SIGTERM`);
    } finally {
      await server.stop();
    }
  });
});
