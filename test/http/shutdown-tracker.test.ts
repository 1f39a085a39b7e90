import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { trackRequests } from '../../src/http/shutdown.js';

/** The in-flight list behind graceful shutdown, on a real port: counts, removal, draining. */
describe('trackRequests', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function start() {
    // Each request waits here until the test answers it, by its x-id header.
    const waiting = new Map<string, ServerResponse>();
    const arrived: string[] = [];
    const server = createServer((req, res) => {
      const id = String(req.headers['x-id']);
      waiting.set(id, res);
      arrived.push(id);
    });
    const tracker = trackRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAliveTimeout: 30_000, connections: 10 });
    closers.push(() => agent.close(), () => new Promise((resolve) => server.close(resolve)));
    const send = (id: string) =>
      request(`http://127.0.0.1:${port}/`, { headers: { 'x-id': id }, dispatcher: agent }).then(async (response) => {
        await response.body.text();
        return response.headers['connection'];
      });
    const answer = (id: string) => waiting.get(id)!.end(id);
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    return { tracker, send, answer, until, arrived };
  }

  it('counts requests in flight, in any order of completion', async () => {
    const { tracker, send, answer, until, arrived } = await start();
    const answers = ['a', 'b', 'c', 'd'].map(send);
    await until(() => arrived.length === 4);
    expect(tracker.inFlight).toBe(4);
    // From the middle, the end and the start of the list.
    answer('b');
    await answers[1];
    await until(() => tracker.inFlight === 3);
    answer('d');
    await answers[3];
    await until(() => tracker.inFlight === 2);
    answer('a');
    await answers[0];
    await until(() => tracker.inFlight === 1);
    // A request arriving after removals joins the same list.
    const late = send('e');
    await until(() => arrived.length === 5);
    expect(tracker.inFlight).toBe(2);
    answer('c');
    answer('e');
    await Promise.all([answers[2], late]);
    await until(() => tracker.inFlight === 0);
  });

  it('drain: the responses still in flight close their connection, and it resolves when they are done', async () => {
    const { tracker, send, answer, until, arrived } = await start();
    const first = send('first');
    const second = send('second');
    const third = send('third');
    await until(() => arrived.length === 3);
    answer('first');
    expect(await first).toBe('keep-alive');
    await until(() => tracker.inFlight === 2);
    const drained = tracker.drain(5_000);
    answer('second');
    answer('third');
    expect(await second).toBe('close');
    expect(await third).toBe('close');
    await expect(drained).resolves.toMatchObject({ forced: false, abandoned: 0 });
    expect(tracker.inFlight).toBe(0);
  });
});
