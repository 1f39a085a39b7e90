import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, appBefore, gql, INITECH, type Stack, startStack } from '../helpers/index.js';

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: InterchangeFilter) {
    inbox(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id interchangeId parcelId sender receiver standard documentType status created } }
    }
  }
`;

describe('inbox against the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers the first page, mapped field by field, with totalCount, in one call', async () => {
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, PAGE, { variables: { first: 5 }, headers: ACME });
    expect(body.errors).toBeUndefined();
    const truth = stack.simulator.list(1001, 'inbox', { endDate: stack.clock.ms });
    const inbox = body.data?.['inbox'];
    expect(inbox.totalCount).toBe(truth.length);
    expect(truth.length).toBeGreaterThan(1000);
    expect(inbox.edges.map((e: any) => ({ ...e.node, id: undefined, standard: e.node.standard, created: e.node.created }))).toEqual(
      truth.slice(0, 5).map((r) => ({
        ...r,
        id: undefined,
        created: new Date(String(r['created'])).toISOString(),
      })),
    );
    expect(inbox.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(inbox.pageInfo.startCursor).toBe(inbox.edges[0].cursor);
    expect(inbox.pageInfo.endCursor).toBe(inbox.edges[4].cursor);
    expect(stack.simulator.calls).toHaveLength(1);
    expect(stack.simulator.calls[0]!.body).toMatchObject({ pageNo: 1, recordsPerPage: 5 });
  });

  it('walks a whole mailbox forward, every interchange once, in upstream order, one call a page', async () => {
    const truth = stack.simulator.list(1003, 'inbox', { endDate: stack.clock.ms - 1000 });
    expect(truth.length).toBeGreaterThan(200);
    stack.simulator.resetCalls();
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { body } = await gql(stack.app, PAGE, { variables: { first: 37, after }, headers: INITECH });
      expect(body.errors).toBeUndefined();
      const inbox = body.data?.['inbox'];
      pages += 1;
      seen.push(...inbox.edges.map((e: any) => e.node.interchangeId));
      expect(inbox.totalCount).toBe(truth.length);
      if (!inbox.pageInfo.hasNextPage) break;
      after = inbox.pageInfo.endCursor;
    }
    expect(seen).toEqual(truth.map((r) => r['interchangeId']));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(truth.length / 37));
    expect(stack.simulator.callCount).toBe(pages);
  });

  it('fetches two identical pages of one request once', async () => {
    stack.simulator.resetCalls();
    const { body } = await gql(
      stack.app,
      '{ a: inbox(first: 20) { edges { node { interchangeId } } } b: inbox(first: 20) { totalCount edges { cursor } } }',
      { headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['a'].edges).toHaveLength(20);
    expect(stack.simulator.callCount).toBe(1);
  });

  it('answers lookups of rows of a page fetched in the same operation from that page, with no call of their own', async () => {
    const truth = stack.simulator.list(1001, 'inbox', { endDate: stack.clock.ms });
    const [first, second] = truth.map((row) => Number(row['interchangeId']));
    const other = Number(truth[10]!['interchangeId']);
    const globalId = Buffer.from(`Interchange:${second}`).toString('base64');
    stack.simulator.resetCalls();
    const { body } = await gql(
      stack.app,
      `{ inbox(first: 3) { edges { node { interchangeId } } }
         one: interchange(interchangeId: ${first}) { interchangeId sender }
         two: node(id: "${globalId}") { ... on Interchange { interchangeId } } }`,
      { headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect([body.data?.['one'].interchangeId, body.data?.['two'].interchangeId]).toEqual([first, second]);
    expect(body.data?.['one'].sender).toBe(truth[0]!['sender']);
    expect(stack.simulator.callCount).toBe(1);
    // A row the page does not hold is looked up.
    stack.simulator.resetCalls();
    const outside = await gql(stack.app, `{ inbox(first: 3) { totalCount } x: interchange(interchangeId: ${other}) { interchangeId } }`, { headers: ACME });
    expect(outside.body.data?.['x'].interchangeId).toBe(other);
    expect(stack.simulator.callCount).toBe(2);
  });

  it('accepts Authorization: Bearer and forwards it verbatim', async () => {
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, '{ inbox(first: 1) { totalCount } }', {
      headers: { authorization: 'Bearer demo-jwt-globex' },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['inbox'].totalCount).toBe(stack.simulator.list(1002, 'inbox', { endDate: stack.clock.ms }).length);
    expect(stack.simulator.calls[0]).toMatchObject({ authorization: 'Bearer demo-jwt-globex', apiKey: undefined });
  });

  it('fails with UNAUTHENTICATED and no upstream call when there is no credential', async () => {
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, '{ mailboxStats { sent } inbox(first: 3) { totalCount } }');
    expect(body.data).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(new Set(body.errors?.map((e) => e.extensions?.['code']))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(stack.simulator.callCount).toBe(0);
  });

  it('uses the service key only for requests without a credential of their own', async () => {
    const app = appBefore(stack, { config: { ECGRID_API_KEY: 'demo-key-initech' } });
    stack.simulator.resetCalls();
    await gql(app, '{ mailboxStats { sent } }');
    await gql(app, '{ mailboxStats { sent } }', { headers: ACME });
    expect(stack.simulator.calls.map((c) => c.apiKey)).toEqual(['demo-key-initech', 'demo-key-acme']);
  });

  it('rejects ambiguous or malformed credential headers before any upstream call', async () => {
    stack.simulator.resetCalls();
    for (const headers of <Record<string, string>[]>[
      { 'x-api-key': 'demo-key-acme', authorization: 'Bearer demo-jwt-acme' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { 'x-api-key': 'has spaces in it' },
    ]) {
      const { body } = await gql(stack.app, '{ mailboxStats { sent } }', { headers });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain('dXNlcjpwYXNz');
    }
    expect(stack.simulator.callCount).toBe(0);
  });

  it('maps an upstream 401 for an unknown key to UNAUTHENTICATED without echoing the key', async () => {
    const { body } = await gql(stack.app, '{ mailboxStats { sent } }', { headers: { 'x-api-key': 'not-a-real-key-123' } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', upstreamErrorCode: 'InvalidAPIKey' });
    expect(JSON.stringify(body)).not.toContain('not-a-real-key-123');
  });

  it("maps another mailbox's filter to FORBIDDEN", async () => {
    const { body } = await gql(stack.app, '{ inbox(first: 1, filter: { mailboxId: 1002 }) { totalCount } }', { headers: ACME });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', upstreamErrorCode: 'AccessDenied' });
  });
});
