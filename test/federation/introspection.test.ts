/** Introspection (GraphiQL's Docs pane) shows the graph without federation's plumbing, which gateways still use as before. */
import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, gql, type Stack, startStack } from '../helpers/index.js';

const HIDDEN_TYPES = ['_Any', '_Entity', '_Service'];
const HIDDEN_FIELDS = ['_entities', '_service'];

describe('federation internals in introspection', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('GraphiQL\'s introspection query lists neither _Any, _Entity, _Service nor _entities, _service', async () => {
    // More than COMPILE_ON_RUN times: the compiled (jit) runs must answer the same.
    for (let run = 0; run < 12; run += 1) {
      const { body } = await gql(stack.app, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
      expect(body.errors).toBeUndefined();
      const types = body.data!['__schema'].types as { name: string; fields: { name: string }[] | null }[];
      expect(types.map((t) => t.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^_[^_]/)]));
      for (const name of HIDDEN_TYPES) expect(types.map((t) => t.name)).not.toContain(name);
      const query = types.find((t) => t.name === 'Query')!;
      expect(query.fields!.map((f) => f.name)).toEqual(expect.arrayContaining(['inbox', 'outbox', 'interchange', 'mailboxStats', 'node', 'nodes']));
      for (const name of HIDDEN_FIELDS) expect(query.fields!.map((f) => f.name)).not.toContain(name);
    }
  });

  it('__type finds none of them', async () => {
    const { body } = await gql(stack.app, '{ entity: __type(name: "_Entity") { name } any: __type(name: "_Any") { name } query: __type(name: "Query") { fields { name } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!['entity']).toBeNull();
    expect(body.data!['any']).toBeNull();
    expect(body.data!['query'].fields.map((f: { name: string }) => f.name)).not.toContain('_entities');
  });

  it('a gateway still gets _service { sdl } (as subgraph.graphql) and _entities', async () => {
    const service = await gql(stack.app, '{ _service { sdl } }');
    expect(service.body.errors).toBeUndefined();
    expect(service.body.data!['_service'].sdl.trim()).toBe(readFileSync(new URL('../../subgraph.graphql', import.meta.url), 'utf8').trim());

    const [row] = stack.simulator.list(1001, 'inbox');
    const interchangeId = Number(row!['interchangeId']);
    const { body } = await gql(
      stack.app,
      'query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Interchange { interchangeId sender } } }',
      { variables: { r: [{ __typename: 'Interchange', interchangeId }] }, headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ _entities: [{ __typename: 'Interchange', interchangeId, sender: row!['sender'] }] });
  });

  it('an operation that mixes introspection with data runs as before', async () => {
    const { body } = await gql(stack.app, '{ __typename __type(name: "Query") { name } mailboxStats { sent } }', { headers: ACME });
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ __typename: 'Query', __type: { name: 'Query' }, mailboxStats: { sent: expect.any(Number) } });
  });
});
