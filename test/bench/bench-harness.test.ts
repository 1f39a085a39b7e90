import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop, closedLoopDrained, fixedRate, post } from '../../bench/lib/load.js';
import { freePort, type ServerProcess, startServer } from '../../bench/lib/processes.js';

// A cheap check of the wiring `npm run bench` relies on (its processes, the probe, both load
// generators); the benchmark itself is `npm run bench`, never part of the test suite.
describe('the bench harness', () => {
  let simulator: ServerProcess;
  let bare: ServerProcess;
  beforeAll(async () => {
    const port = await freePort();
    simulator = await startServer({ name: 'simulator', script: 'src/simulator/main.ts', args: ['--port', String(port)], readyPath: '/__sim', port });
    bare = await startServer({ name: 'bare', script: 'bench/peers/bare-rest.ts', readyPath: '/', env: { ECGRID_BASE_URL: simulator.url } });
  });
  afterAll(async () => {
    await bare?.stop();
    await simulator?.stop();
  });

  it('starts servers in their own processes, loads them, and reads their CPU and memory', async () => {
    const target = {
      url: `${bare.url}/`,
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-key-acme' },
      bodies: [JSON.stringify({ query: '{ mailboxStats { sent } }' })],
    };
    const data = await post(target.url, target.headers, target.bodies[0]!);
    expect(data).toMatchObject({ mailboxStats: { sent: expect.any(Number) } });

    const before = await bare.usage();
    const closed = await closedLoop(target, { connections: 4, seconds: 1 });
    const after = await bare.usage(true);
    expect(closed.requests).toBeGreaterThan(10);
    expect(closed.failures).toBe(0);
    expect(after.cpuMicros).toBeGreaterThan(before.cpuMicros);
    expect(after.rss).toBeGreaterThan(10 * 1024 * 1024);
    expect(after.maxRss).toBeGreaterThanOrEqual(after.rss);

    // The drained loop returns only once every answer is in: nothing reaches the simulator after it.
    const callCount = async () => ((await (await fetch(`${simulator.url}/__sim`)).json()) as { callCount: number }).callCount;
    const drained = await closedLoopDrained(target, { connections: 4, seconds: 1 });
    const calls = await callCount();
    expect(drained.requests).toBeGreaterThan(10);
    expect(drained.failures).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await callCount()).toBe(calls);

    const open = await fixedRate(target, { rate: 50, seconds: 1 });
    expect(open.sent).toBe(50);
    expect(open.failures).toBe(0);
    expect(open.p99).toBeGreaterThanOrEqual(open.p50);
    expect(open.p50).toBeGreaterThan(0);
  });
});
