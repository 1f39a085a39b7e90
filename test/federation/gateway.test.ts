import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { propagateHeaders } from '../../examples/hive-gateway/gateway.config.js';
import { composeSupergraph } from '../../examples/hive-gateway/supergraph.js';
import {
  acknowledgementStatusOf,
  type AcknowledgementsSubgraph,
  closeServer,
  startAcknowledgementsSubgraph,
} from '../../examples/hive-gateway/acknowledgements-subgraph.js';
import { ACME, startStack, type Stack } from '../helpers/index.js';

/**
 * The ECGrid subgraph composed with a second subgraph by a real composition library, served by a
 * real gateway (Hive Gateway's runtime); every hop is HTTP on loopback ports.
 */

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] },
  };
}

const lookups = (stack: Stack) => stack.simulator.calls.filter((c) => /^\/v2\/interchanges\/\d+$/.test(c.path));
const idsOf = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r['interchangeId']));

describe('composed with another subgraph behind a real gateway', () => {
  let stack: Stack;
  let ecgridServer: Server;
  let acknowledgements: AcknowledgementsSubgraph;
  let gateway: GatewayRuntime;
  let gatewayServer: Server;
  let gatewayUrl: string;
  let supergraphSdl: string;

  beforeAll(async () => {
    stack = await startStack();
    ecgridServer = createServer(stack.app);
    const ecgridUrl = await listen(ecgridServer);
    acknowledgements = await startAcknowledgementsSubgraph();

    // As a registry or `rover`/`hive` would: the subgraph's own SDL, asked over HTTP, no credential;
    // composed as `npm run supergraph` composes examples/hive-gateway/supergraph.graphql.
    const service = await post(ecgridUrl, '{ _service { sdl } }');
    supergraphSdl = composeSupergraph({ ecgrid: ecgridUrl, acknowledgements: acknowledgements.url }, service.body.data._service.sdl);

    gateway = createGatewayRuntime({ supergraph: supergraphSdl, propagateHeaders, logging: false });
    gatewayServer = createServer(gateway);
    gatewayUrl = await listen(gatewayServer);
  });

  afterAll(async () => {
    await closeServer(gatewayServer);
    await gateway[Symbol.asyncDispose]();
    await closeServer(ecgridServer);
    await acknowledgements.close();
    await stack.close();
  });

  beforeEach(() => {
    stack.simulator.resetCalls();
    acknowledgements.requests.length = 0;
  });

  it('composes: Interchange is an entity of both subgraphs, keyed on interchangeId; PageInfo is shareable', () => {
    expect(supergraphSdl).toMatch(/type Interchange implements Node[^{]*@join__type\(graph: ECGRID, key: "interchangeId"\)/);
    expect(supergraphSdl).toMatch(/type Interchange[^{]*@join__type\(graph: ACKNOWLEDGEMENTS, key: "interchangeId"\)/);
    expect(supergraphSdl).toMatch(/acknowledgement: Acknowledgement @join__field\(graph: ACKNOWLEDGEMENTS\)/);
  });

  it('a query from ECGrid into the other subgraph: the inbox with each partner acknowledgement', async () => {
    const { status, body } = await post(
      gatewayUrl,
      '{ inbox(first: 5) { totalCount edges { node { interchangeId sender acknowledgement { status } } } } }',
      { ...ACME, 'x-request-id': 'gateway-test-1' },
    );

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const expected = stack.simulator.list(1001, 'inbox').slice(0, 5);
    expect(body.data.inbox.edges.map((e: any) => e.node)).toEqual(
      expected.map((row) => ({
        interchangeId: Number(row['interchangeId']),
        sender: row['sender'],
        acknowledgement: { status: acknowledgementStatusOf(Number(row['interchangeId'])) },
      })),
    );
    expect(stack.simulator.calls.length).toBeGreaterThan(0);
    expect(stack.simulator.calls.every((c) => c.apiKey === ACME['x-api-key'] && c.requestId === 'gateway-test-1')).toBe(true);
    // The ECGrid credential is forwarded to the ECGrid subgraph only.
    expect(acknowledgements.requests.length).toBeGreaterThan(0);
    for (const headers of acknowledgements.requests) {
      expect(headers.get('x-api-key')).toBeNull();
      expect(headers.get('authorization')).toBeNull();
    }
  });

  it('a query from the other subgraph into ECGrid: _entities with the caller\'s own credential, one call per distinct id', async () => {
    const acme = idsOf(stack.simulator.list(1001, 'inbox').slice(0, 6));
    const acmeVisible = new Set(idsOf([...stack.simulator.list(1001, 'inbox'), ...stack.simulator.list(1001, 'outbox')]));
    const globexOnly = idsOf(stack.simulator.list(1002, 'inbox')).find((id) => !acmeVisible.has(id))!;
    acknowledgements.pending = [...acme, acme[0]!, acme[1]!, globexOnly, acme[0]!];
    const query = '{ pendingAcknowledgements { status interchange { interchangeId sender documentType created } } }';

    const asAcme = await post(gatewayUrl, query, ACME);

    // An entity this subgraph answers null for cannot keep the other subgraph's reference: the
    // gateway nulls it, with an error at that entry (federation's semantics), and nothing else.
    const absentAt = acknowledgements.pending.indexOf(globexOnly);
    expect(asAcme.body.errors?.map((e) => e.path)).toEqual([['pendingAcknowledgements', absentAt, 'interchange', 'created']]);
    const byId = new Map(stack.simulator.list(1001, 'inbox').map((row) => [Number(row['interchangeId']), row]));
    expect(asAcme.body.data.pendingAcknowledgements.map((a: any) => a.interchange)).toEqual(
      acknowledgements.pending.map((id) => {
        const row = byId.get(id);
        return row
          ? { interchangeId: id, sender: row['sender'], documentType: row['documentType'], created: new Date(String(row['created'])).toISOString() }
          : null;
      }),
    );
    expect(lookups(stack)).toHaveLength(new Set(acknowledgements.pending).size);
    expect(stack.simulator.calls.every((c) => c.apiKey === ACME['x-api-key'] && c.authorization === undefined)).toBe(true);

    // Another caller, another credential (a bearer token this time): ECGrid answers with their view.
    stack.simulator.resetCalls();
    const asGlobex = await post(gatewayUrl, query, { authorization: 'Bearer demo-jwt-globex' });

    const globexVisible = new Set(idsOf([...stack.simulator.list(1002, 'inbox'), ...stack.simulator.list(1002, 'outbox')]));
    const expected = acknowledgements.pending.map((id) => (globexVisible.has(id) ? id : null));
    expect(expected).toContain(null);
    expect(expected).toContain(globexOnly);
    const interchanges = asGlobex.body.data.pendingAcknowledgements.map((a: any) => a.interchange?.interchangeId ?? null);
    expect(interchanges).toEqual(expected);
    expect(asGlobex.body.errors).toHaveLength(expected.filter((id) => id === null).length);
    expect(stack.simulator.calls.length).toBeGreaterThan(0);
    expect(stack.simulator.calls.every((c) => c.authorization === 'Bearer demo-jwt-globex' && c.apiKey === undefined)).toBe(true);
  });

  it('no credential: the ECGrid subgraph\'s UNAUTHENTICATED reaches the caller; no upstream call', async () => {
    acknowledgements.pending = idsOf(stack.simulator.list(1001, 'inbox').slice(0, 2));

    const direct = await post(gatewayUrl, '{ mailboxStats { sent } }');
    const entities = await post(gatewayUrl, '{ pendingAcknowledgements { status interchange { sender } } }');

    expect(direct.body.data).toBeNull();
    expect(direct.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    expect(entities.body.data.pendingAcknowledgements).toEqual([
      { status: expect.any(String), interchange: { sender: null } },
      { status: expect.any(String), interchange: { sender: null } },
    ]);
    expect(entities.body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['pendingAcknowledgements', 0, 'interchange', 'sender'], 'UNAUTHENTICATED'],
      [['pendingAcknowledgements', 1, 'interchange', 'sender'], 'UNAUTHENTICATED'],
    ]);
    expect(stack.simulator.calls).toHaveLength(0);
  });
});
