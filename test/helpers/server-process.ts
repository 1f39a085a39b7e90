import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from './index.js';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** stdout lines so far, parsed where they are JSON. */
  readonly lines: Record<string, any>[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  waitForLine(test: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  stop(): Promise<void>;
}

/**
 * The server as a real process on a loopback port (`node --import tsx src/main.ts`, or a built
 * entry such as dist/main.js), started with JSON logs and no ECGRID_BASE_URL (simulator mode).
 */
export async function startServer(env: Record<string, string> = {}, args: string[] = ['--import', 'tsx', 'src/main.ts']): Promise<ServerProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'json', ...env };
  for (const name of ['ECGRID_BASE_URL', 'ECGRID_API_KEY', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    if (!(name in env)) delete childEnv[name];
  }
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, any>[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, any>;
    try {
      line = JSON.parse(text);
    } catch {
      line = { text };
    }
    lines.push(line);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  const waitForLine = (test: (line: Record<string, any>) => boolean, timeoutMs = 20_000) =>
    new Promise<Record<string, any>>((resolve, reject) => {
      const check = () => {
        const found = lines.find(test);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no such log line in ${timeoutMs} ms; stdout:\n${lines.map((l) => JSON.stringify(l)).join('\n')}\nstderr:\n${stderr}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  await waitForLine((line) => typeof line['msg'] === 'string' && line['msg'].startsWith('GraphQL at'));
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    lines,
    exited,
    waitForLine,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
