/** `npm start` stopped as a supervisor stops it: SIGTERM to the npm process alone must stop the server, not orphan it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/index.js';

const SHUTDOWN_TIMEOUT_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parent and state of every process, from /proc (Linux). */
function processTable(): Map<number, { ppid: number; state: string }> {
  const table = new Map<number, { ppid: number; state: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(ppid), state: state! });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

function descendantsOf(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, { ppid }] of table) if (ppid === parent) (found.push(child), queue.push(child));
  }
  return found;
}

/** Running: present and not a zombie (a zombie holds no port and runs no code). */
const running = (pids: readonly number[]) => {
  const table = processTable();
  return pids.filter((pid) => table.has(pid) && table.get(pid)!.state !== 'Z');
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function healthy(port: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (performance.now() > deadline) throw new Error(`no /health on port ${port} in ${timeoutMs} ms`);
    await sleep(200);
  }
}

describe.runIf(process.platform === 'linux')('npm start and SIGTERM', () => {
  it('SIGTERM to the npm process stops the server within SHUTDOWN_TIMEOUT_MS: port free, no node left', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'json', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) };
    for (const name of ['ECGRID_BASE_URL', 'ECGRID_API_KEY', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) delete env[name];
    const npm: ChildProcess = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    let tree: number[] = [];
    try {
      await healthy(port, 30_000);
      tree = descendantsOf(npm.pid!);
      expect(tree.length).toBeGreaterThan(0);

      const signalAt = performance.now();
      npm.kill('SIGTERM');
      let left = running(tree);
      let open = true;
      while (performance.now() - signalAt < SHUTDOWN_TIMEOUT_MS) {
        left = running(tree);
        open = await portOpen(port);
        if (left.length === 0 && !open) break;
        await sleep(100);
      }
      const ms = Math.round(performance.now() - signalAt);
      expect(open, `port ${port} still open ${ms} ms after SIGTERM`).toBe(false);
      expect(left, `still running ${ms} ms after SIGTERM: ${left.join(', ')}`).toEqual([]);
      console.log(`npm start: server stopped and port freed ${ms} ms after SIGTERM to npm (processes under npm: ${tree.length})`);
      expect(await Promise.race([exited, sleep(2_000).then(() => 'npm still running')])).not.toBe('npm still running');
    } finally {
      // Whatever this test started and is still running, by its own ids.
      for (const pid of running([npm.pid!, ...tree])) process.kill(pid, 'SIGKILL');
    }
  });
});
