/** The architecture's rules, checked on the source: no import cycle, data flowing one way, one env reader, small modules. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const SRC = join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const files = filesUnder(SRC).map((file) => relative(ROOT, file));
const text = new Map(files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));

/** Static imports and re-exports (type-only ones too: a cycle of types is still a cycle to a reader). */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const local: string[] = [];
  const packages: string[] = [];
  for (const match of text.get(file)!.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
    const spec = match[1] ?? match[2]!;
    if (spec.startsWith('.')) local.push(relative(ROOT, resolve(dirname(join(ROOT, file)), spec)).replace(/\.js$/, '.ts'));
    else packages.push(spec);
  }
  return { local, packages };
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));
const layer = (file: string) => file.split('/')[1]!.replace(/\.ts$/, '');

describe('the source layout', () => {
  it('has no import cycle', () => {
    const cycles: string[][] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file)?.local ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
        else if (!state.has(next) && graph.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('resolves every local import to a file', () => {
    const missing = [...graph].flatMap(([file, { local }]) => local.filter((target) => !text.has(target)).map((target) => `${file} -> ${target}`));
    expect(missing).toEqual([]);
  });

  it('lets data flow one way: each layer imports only the layers before it', () => {
    // What each layer may import (besides itself). The simulator is a program of its own.
    const allowed: Record<string, readonly string[]> = {
      config: [],
      upstream: [],
      simulator: [],
      pagination: ['graphql'],
      loaders: ['upstream', 'pagination'],
      observability: ['upstream', 'graphql'],
      graphql: ['upstream', 'loaders', 'observability'],
      schema: ['upstream', 'loaders', 'pagination', 'graphql'],
      http: ['graphql', 'observability'],
      app: ['config', 'upstream', 'graphql', 'http', 'observability', 'schema'],
      main: ['config', 'app', 'http', 'observability', 'upstream'],
    };
    const wrong = [...graph].flatMap(([file, { local }]) => {
      const from = layer(file);
      return local.map(layer).filter((to) => to !== from && !allowed[from]?.includes(to)).map((to) => `${file} imports ${to}/`);
    });
    expect(wrong).toEqual([]);
  });

  it('keeps GraphQL out of upstream/ and the simulator, and loads the simulator only in simulator mode', () => {
    const graphqlPackages = /^(graphql|graphql-yoga|@pothos\/|@graphql-|graphql-scalars|graphql-jit|dataloader)/;
    const offenders = [...graph]
      .filter(([file]) => file.startsWith('src/upstream/') || file.startsWith('src/simulator/'))
      .flatMap(([file, { packages }]) => packages.filter((name) => graphqlPackages.test(name)).map((name) => `${file}: ${name}`));
    expect(offenders).toEqual([]);
    expect(graph.get('src/main.ts')!.local.filter((target) => target.startsWith('src/simulator/'))).toEqual([]);
    expect(text.get('src/main.ts')).toMatch(/await import\('\.\/simulator\/simulator\.js'\)/);
  });

  it('reads the environment only in config.ts, and opens a port only in main.ts', () => {
    expect(files.filter((file) => /process\.env\b/.test(text.get(file)!))).toEqual(['src/config.ts']);
    const listening = files.filter((file) => !file.startsWith('src/simulator/') && /\.listen\(/.test(text.get(file)!));
    expect(listening).toEqual(['src/main.ts']);
  });

  it('keeps modules small, each opening with what it is for', () => {
    const long = files.filter((file) => text.get(file)!.split('\n').length > 250);
    expect(long).toEqual([]);
    const silent = files.filter((file) => !/^\/\*\*|^\/\//.test(text.get(file)!));
    expect(silent).toEqual([]);
  });
});
