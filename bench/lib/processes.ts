import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROBE = fileURLToPath(new URL('../probe.mjs', import.meta.url));

export interface Usage {
  /** CPU time of the process so far, user + system, in microseconds. */
  readonly cpuMicros: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  /** The largest RSS of the process's life so far. */
  readonly maxRss: number;
}

/** One server the bench started, in its own process, on a loopback port. */
export class ServerProcess {
  #nextId = 0;
  #output = '';

  constructor(
    readonly name: string,
    readonly url: string,
    readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get output(): string {
    return this.#output;
  }

  /** CPU and memory from inside the process (bench/probe.ts); `gc` collects first (heap after GC). */
  usage(gc = false): Promise<Usage> {
    const id = (this.#nextId += 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no usage answer`)), 10_000);
      const onMessage = (message: { type?: string; id?: number; cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage; maxRss: number }) => {
        if (message?.type !== 'usage' || message.id !== id) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        const { rss, heapUsed, heapTotal, external } = message.memory;
        resolve({ cpuMicros: message.cpu.user + message.cpu.system, rss, heapUsed, heapTotal, external, maxRss: message.maxRss });
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'usage', id, gc });
    });
  }

  /** Pins every thread of the process to `cpuList` (taskset's syntax); see pinToCpus. */
  pin(cpuList: string): boolean {
    return this.child.pid !== undefined && pinToCpus(this.child.pid, cpuList);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.kill('SIGTERM');
    });
  }
}

/**
 * Sets the CPU affinity of every thread of process `pid` with `taskset -a -p -c`; threads it
 * starts later inherit it. False where taskset is missing or refuses (then nothing is pinned).
 */
export function pinToCpus(pid: number, cpuList: string): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `script` (TypeScript, through tsx) with the probe preloaded and waits until `readyPath`
 * answers on its port.
 */
export async function startServer(options: {
  name: string;
  script: string;
  args?: string[];
  env?: Record<string, string>;
  readyPath: string;
  port?: number;
  exposeGc?: boolean;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      ...(options.exposeGc ? ['--expose-gc'] : []),
      // TypeScript through tsx; a compiled server (dist/) runs without it, as in production.
      ...(options.script.endsWith('.ts') ? ['--import', 'tsx'] : []),
      '--import',
      PROBE,
      options.script,
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const server = new ServerProcess(options.name, `http://127.0.0.1:${port}`, child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited (${child.exitCode}):\n${server.output}`);
    try {
      const response = await fetch(`${server.url}${options.readyPath}`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      return server;
    } catch {
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`${options.name} did not start:\n${server.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
