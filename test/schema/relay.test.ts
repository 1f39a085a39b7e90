import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, gql, startStack, type Stack } from '../helpers/index.js';

const run = promisify(execFile);
const RELAY_COMPILER = resolve('node_modules/.bin/relay-compiler');

/** Compiles test/relay/src (a Relay app's fragments and queries) against `schema` in a scratch directory. */
async function compileRelay(schema: string) {
  const dir = mkdtempSync(join(tmpdir(), 'relay-'));
  cpSync('test/relay/src', join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'schema.graphql'), schema);
  writeFileSync(
    join(dir, 'relay.config.json'),
    JSON.stringify({
      src: './src',
      schema: './schema.graphql',
      language: 'typescript',
      customScalarTypes: { DateTime: 'string', SafeInt: 'number' },
    }),
  );
  const result = await run(RELAY_COMPILER, ['relay.config.json'], { cwd: dir }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
  const artifact = (name: string) => readFileSync(join(dir, 'src', '__generated__', `${name}.graphql.ts`), 'utf8');
  /** The operation text Relay would send for a generated query. */
  const operationText = (name: string) => JSON.parse(/"text": ("(?:[^"\\]|\\.)*")/.exec(artifact(name))![1]!) as string;
  return { ...result, artifact, operationText, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('Relay compatibility (relay-compiler against schema.graphql)', () => {
  let compiled: Awaited<ReturnType<typeof compileRelay>>;
  let stack: Stack;

  beforeAll(async () => {
    compiled = await compileRelay(readFileSync('schema.graphql', 'utf8'));
    stack = await startStack();
  });
  afterAll(async () => {
    compiled.cleanUp();
    await stack.close();
  });

  it('compiles a @connection on inbox and a @refetchable fragment on Interchange', () => {
    expect(compiled.code, compiled.output).toBe(0);
    expect(compiled.artifact('InboxList_query')).toContain('"name": "__InboxList_inbox_connection"');
    expect(compiled.operationText('InterchangeRowRefetchQuery')).toMatch(/node\(id: \$id\)/);
  });

  it("Relay's generated queries run against the server: first page, next page by cursor, refetch by node id", async () => {
    const first = await gql(stack.app, compiled.operationText('InboxPageQuery'), { headers: ACME, variables: {} });
    expect(first.body.errors).toBeUndefined();
    const connection = first.body.data?.['inbox'];
    expect(connection.edges).toHaveLength(20);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, endCursor: expect.any(String) });

    const next = await gql(stack.app, compiled.operationText('InboxListPaginationQuery'), {
      headers: ACME,
      variables: { count: 20, cursor: connection.pageInfo.endCursor },
    });
    expect(next.body.errors).toBeUndefined();
    const truth = stack.simulator.list(1001, 'inbox').slice(0, 40).map((row) => Number(row['interchangeId']));
    const walked = [...connection.edges, ...next.body.data?.['inbox'].edges].map((edge: any) => edge.node.interchangeId);
    expect(walked).toEqual(truth);

    const node = connection.edges[3].node;
    const refetched = await gql(stack.app, compiled.operationText('InterchangeRowRefetchQuery'), {
      headers: ACME,
      variables: { id: node.id },
    });
    expect(refetched.body.errors).toBeUndefined();
    expect(refetched.body.data?.['node']).toMatchObject({ __typename: 'Interchange', id: node.id, interchangeId: node.interchangeId });
  });

  it('fails when the schema breaks Relay object identification (the check can fail)', async () => {
    const withoutNode = readFileSync('schema.graphql', 'utf8').replace('type Interchange implements Node', 'type Interchange');
    const broken = await compileRelay(withoutNode);
    broken.cleanUp();
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(/refetchable/i);
  });
});
