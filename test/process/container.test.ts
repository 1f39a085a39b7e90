import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/http/graphiql.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** The Node options the image sets (its heap cap). */
const imageNodeOptions = /\bNODE_OPTIONS=(\S+)/.exec(dockerfile)?.[1];

/** What the image runs: `npm run build`, then `node dist/main.js` with production dependencies and its Node options. */
describe('npm run build -> node dist/main.js', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    await run('npm', ['run', 'build', '--silent'], { cwd: ROOT });
    server = await startServer({ NODE_ENV: 'production', NODE_OPTIONS: imageNodeOptions ?? '' }, ['dist/main.js']);
  }, 120_000);
  afterAll(() => server?.stop());

  it('builds dist/ with the example operations beside the code', () => {
    expect(existsSync(join(ROOT, 'dist/main.js'))).toBe(true);
    for (const example of exampleOperations()) expect(existsSync(join(ROOT, `dist/http/operations/${example.name}.graphql`))).toBe(true);
  });

  it('imports nothing but Node built-ins and the runtime dependencies (npm ci --omit=dev is enough)', () => {
    const specifiers = new Set<string>();
    for (const file of filesUnder(join(ROOT, 'dist')).filter((path) => path.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) specifiers.add(match[1]!);
    }
    const packages = [...specifiers]
      .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(packages.length).toBeGreaterThan(5);
    for (const name of new Set(packages)) expect(Object.keys(pkg.dependencies), name).toContain(name);
  });

  it('serves health, readiness, metrics, GraphiQL and the example operations', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('process_cpu_user_seconds_total');
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('ECGrid GraphQL');
    for (const example of exampleOperations()) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'demo-key-acme' },
        body: JSON.stringify({ query: example.query, variables: example.variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      expect(body.errors, example.name).toBeUndefined();
    }
  });

  it('stops on SIGTERM with exit code 0', async () => {
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});

describe('Dockerfile', () => {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages = instructions.reduce<string[][]>((all, line) => {
    if (line.startsWith('FROM ')) all.push([]);
    all.at(-1)?.push(line);
    return all;
  }, []);
  const runtime = stages.at(-1)!;

  it('builds every stage on the Node 24 image that NODE_VERSION names (node-versions.test.ts checks the line)', () => {
    expect(instructions).toContain('ARG NODE_VERSION=24-bookworm-slim');
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM node:\$\{NODE_VERSION\} AS \w+$/);
  });

  it('is multi-stage: the build runs `npm run build`, the runtime gets production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.some((stage) => stage.some((line) => /^RUN .*npm ci\b/.test(line)) && stage.some((line) => line === 'RUN npm run build'))).toBe(true);
    expect(instructions.some((line) => /^RUN npm ci --omit=dev/.test(line))).toBe(true);
    expect(runtime.some((line) => /^COPY --from=\S+ \/app\/dist \.\/dist$/.test(line))).toBe(true);
  });

  it('runs `node dist/main.js` as the node user under an init process', () => {
    expect(runtime).toContain('USER node');
    expect(runtime.findIndex((line) => line === 'USER node')).toBeGreaterThan(runtime.findIndex((line) => line.startsWith('RUN ')));
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(runtime.some((line) => /apt-get install .*\btini\b/.test(line))).toBe(true);
    expect(runtime).toContain('CMD ["node", "dist/main.js"]');
    expect(runtime.some((line) => line.startsWith('HEALTHCHECK ') && line.includes('/health'))).toBe(true);
  });

  it('caps the heap in the runtime stage (the server above runs with the same options)', () => {
    expect(imageNodeOptions).toMatch(/^--max-old-space-size=\d+$/);
    expect(runtime.some((line) => line.startsWith('ENV ') && line.includes(`NODE_OPTIONS=${imageNodeOptions}`))).toBe(true);
  });

  it('copies only files that exist, and the build context leaves out local state', () => {
    for (const line of instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from='))) {
      const sources = line.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', '.git', 'test-results', '.env']) expect(ignored).toContain(entry);
  });
});
