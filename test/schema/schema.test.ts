import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  type GraphQLObjectType,
  type GraphQLScalarType,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { withoutFederation } from '../../src/graphql/introspection-view.js';
import { schema } from '../../src/schema/index.js';
import { readUpstreamDate, readUpstreamInstant } from '../../src/upstream/records/values.js';
import { gql, mockUpstream } from '../helpers/index.js';

const run = promisify(execFile);
const outcome = (promise: Promise<{ stdout: string; stderr: string }>) =>
  promise.then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );

describe('schema.graphql', () => {
  it('is what the code serves (the same check as npm run schema:check)', async () => {
    const result = await run('npm', ['run', '--silent', 'schema:check'], { cwd: process.cwd() }).catch(
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect('code' in result ? result.code : 0, 'stdout' in result ? result.stdout + result.stderr : '').toBe(0);
    const checkedIn = buildSchema(readFileSync('schema.graphql', 'utf8'));
    expect(printSchema(lexicographicSortSchema(checkedIn))).toBe(printSchema(lexicographicSortSchema(schema)));
  });

  it('is what the server answers to introspection over HTTP, less the federation plumbing it hides from GraphiQL', async () => {
    const { app } = mockUpstream();
    const { body } = await gql(app, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }));
    expect(body.errors).toBeUndefined();
    const served = buildClientSchema(body.data as unknown as IntrospectionQuery);
    const checkedIn = buildSchema(readFileSync('schema.graphql', 'utf8'));
    // Introspection hides federation's plumbing (_entities, _service and their types); the rest is schema.graphql.
    expect(printSchema(lexicographicSortSchema(withoutFederation(checkedIn)))).toBe(printSchema(lexicographicSortSchema(served)));
  });

  it('schema:diff (graphql-inspector) flags a breaking change and passes an additive one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-diff-'));
    const current = readFileSync('schema.graphql', 'utf8');
    writeFileSync(join(dir, 'added.graphql'), current.replace('type MailboxStats {', 'type MailboxStats {\n  note: String'));
    writeFileSync(join(dir, 'removed.graphql'), current.replace(/\n  sender: String\n/, '\n'));
    const diff = (next: string) => outcome(run('node_modules/.bin/graphql-inspector', ['diff', 'schema.graphql', join(dir, next)]));

    const added = await diff('added.graphql');
    const removed = await diff('removed.graphql');

    expect(added.code, added.output).toBe(0);
    expect(removed.code).toBe(1);
    expect(removed.output).toContain('Field sender was removed from object type Interchange');
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts['schema:diff']).toMatch(/^graphql-inspector diff git:main:schema\.graphql schema\.graphql$/);
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

describe('the DateTime scalar', () => {
  it('serializes to the ISO text while executing, not to a Date left for JSON.stringify to convert', () => {
    const dateTime = schema.getType('DateTime') as GraphQLScalarType;
    expect(dateTime.serialize(new Date(Date.UTC(2026, 10, 23, 19, 0, 35)))).toBe('2026-11-23T19:00:35.000Z');
    expect(dateTime.serialize('2026-11-23T19:00:35Z')).toBe('2026-11-23T19:00:35.000Z');
    expect(() => dateTime.serialize(new Date(Number.NaN))).toThrow();
    expect(() => dateTime.serialize('not a time')).toThrow();
  });

  it("reads ECGrid's times to the text a Date would have given, without one in the common case", () => {
    const viaDate = (text: string) => readUpstreamDate(text)?.toISOString();
    const corpus = [
      ...Array.from({ length: 500 }, (_, i) => new Date(1.6e12 + i * 97_777_777).toISOString().replace(/\.\d{3}/, '')),
      ...Array.from({ length: 100 }, (_, i) => new Date(1.6e12 + i * 97_777_777).toISOString().replace('Z', '1234')),
      // Days that roll over, an hour of 24, offsets, lower case, spaces, minutes only, no zone.
      '2026-02-29T00:00:00Z', '2024-02-29T12:00:00Z', '2026-04-31T08:00:00Z', '2026-01-31T24:00:00Z',
      '2026-11-23T20:00:35+02:00', '2026-11-23T20:00:35-0530', '2026-11-23t20:00:35z', ' 2026-11-23T20:00:35Z ',
      '2026-11-23T20:00Z', '2026-11-23T20:00:35', '2026-11-23T20:00:35.5', '2026-11-23T20:00:35.1234567',
      // Not times at all.
      '2026-13-01T00:00:00Z', '2026-11-00T00:00:00Z', '2026-11-23T23:60:00Z', '2026-11-23', '', 'yesterday',
    ];
    for (const text of corpus) expect([text, readUpstreamInstant(text)]).toEqual([text, viaDate(text)]);
    expect(readUpstreamInstant('2026-11-23T20:00:35Z')).toBe('2026-11-23T20:00:35.000Z');
    expect(readUpstreamInstant('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(readUpstreamInstant(1_700_000_000)).toBeUndefined();
  });
});

describe('resolvers of a page row', () => {
  it("leaves an edge's node and an interchange's nullable fields to GraphQL's property read, which graphql-jit inlines", () => {
    const withResolver = (typeName: string) =>
      Object.values((schema.getType(typeName) as GraphQLObjectType).getFields())
        .filter((field) => field.resolve !== undefined)
        .map((field) => field.name)
        .sort();
    expect(withResolver('InterchangeEdge')).toEqual([]);
    // The non-null fields keep one: a bad value there is answered with a fallback and an error at its path.
    // So do the links (`manifest`, `parcel`), which call loaders.
    expect(withResolver('Interchange')).toEqual(['created', 'id', 'interchangeId', 'manifest', 'parcel']);
  });
});
