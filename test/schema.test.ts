import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

const run = promisify(execFile);

describe('schema.graphql', () => {
  it('is what the code serves (the same check as npm run schema:check)', async () => {
    const result = await run('npm', ['run', '--silent', 'schema:check'], { cwd: process.cwd() }).catch(
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect('code' in result ? result.code : 0, 'stdout' in result ? result.stdout + result.stderr : '').toBe(0);
    const checkedIn = buildSchema(readFileSync('schema.graphql', 'utf8'));
    expect(printSchema(lexicographicSortSchema(checkedIn))).toBe(printSchema(lexicographicSortSchema(schema)));
  });

  it('names what the contract names', () => {
    const withoutDescriptions = printSchema(schema)
      .replace(/"""[\s\S]*?"""\s*/g, '')
      .replace(/\s+/g, ' ');
    for (const line of [
      'mailboxStats: MailboxStats!',
      'interchange(interchangeId: SafeInt!): Interchange',
      'node(id: ID!): Node',
      'nodes(ids: [ID!]!): [Node]!',
      'edges: [InterchangeEdge!]!',
      'pageInfo: PageInfo!',
      'totalCount: Int!',
      'cursor: String!',
      'node: Interchange!',
      'interchangeId: SafeInt!',
      'created: DateTime!',
      'totalBytes: SafeInt!',
      'type Interchange implements Node',
    ]) {
      expect(withoutDescriptions).toContain(line);
    }
    for (const list of ['inbox', 'outbox'] as const) {
      const field = schema.getQueryType()!.getFields()[list]!;
      expect(String(field.type)).toBe('InterchangeConnection!');
      expect(Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]))).toEqual({
        filter: 'InterchangeFilter',
        first: 'Int',
        after: 'String',
        last: 'Int',
        before: 'String',
      });
    }
  });
});
