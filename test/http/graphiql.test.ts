import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/http/graphiql.js';
import { InboxDocument, InterchangeDocument, MailboxStatsDocument, NodeDocument, OutboxDocument } from '../client/graphql.js';
import { ACME, startStack, type Stack } from '../helpers/index.js';
import { request } from '../helpers/typed-request.js';

/** The example operations (src/http/operations, shown in GraphiQL), run as the typed client that codegen generates. */
describe('the example operations through the typed client', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('the typed documents are the GraphiQL examples', () => {
    const documents = { MailboxStats: MailboxStatsDocument, Inbox: InboxDocument, Outbox: OutboxDocument, Interchange: InterchangeDocument, Node: NodeDocument };
    const examples = exampleOperations();
    expect(examples.map((e) => e.name)).toEqual(Object.keys(documents));
    for (const example of examples) {
      const strip = (text: string) => text.replace(/#.*$/gm, '').replace(/\s+/g, ' ').trim();
      expect(strip(example.query)).toBe(strip(print(documents[example.name as keyof typeof documents])));
    }
  });

  it('MailboxStats', async () => {
    const { body } = await request(stack.app, MailboxStatsDocument, { headers: ACME });
    expect(body.data?.mailboxStats).toEqual(stack.simulator.stats(1001));
  });

  it('Inbox, then its next page by endCursor', async () => {
    const truth = stack.simulator.list(1001, 'inbox').slice(0, 6).map((row) => Number(row['interchangeId']));
    const first = await request(stack.app, InboxDocument, { variables: { first: 3 }, headers: ACME });
    const page = first.body.data!.inbox;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await request(stack.app, InboxDocument, { variables: { first: 3, after: page.pageInfo.endCursor }, headers: ACME });
    const ids = [...page.edges, ...next.body.data!.inbox.edges].map((edge) => edge.node.interchangeId);
    expect(ids).toEqual(truth);
  });

  it('Outbox, the last page of a date range', async () => {
    const filter = { beginDate: '2026-11-01T00:00:00Z', endDate: '2026-11-10T00:00:00Z' };
    const truth = stack.simulator.list(1001, 'outbox', { beginDate: Date.parse(filter.beginDate), endDate: Date.parse(filter.endDate) });
    const { body } = await request(stack.app, OutboxDocument, { variables: { last: 5, filter }, headers: ACME });
    expect(body.data?.outbox.totalCount).toBe(truth.length);
    expect(body.data?.outbox.edges.map((edge) => edge.node.interchangeId)).toEqual(truth.slice(-5).map((row) => Number(row['interchangeId'])));
  });

  it('Interchange and Node: the same interchange by ECGrid id and by global id; null when absent', async () => {
    const [row] = stack.simulator.list(1001, 'inbox');
    const interchangeId = Number(row!['interchangeId']);
    const byId = await request(stack.app, InterchangeDocument, { variables: { interchangeId }, headers: ACME });
    const interchange = byId.body.data!.interchange!;
    expect(interchange).toMatchObject({ interchangeId, sender: row!['sender'], documentType: row!['documentType'] });

    const byNode = await request(stack.app, NodeDocument, { variables: { id: interchange.id }, headers: ACME });
    expect(byNode.body.data?.node).toEqual({ id: interchange.id, interchangeId, documentType: interchange.documentType, status: interchange.status });

    const absent = await request(stack.app, InterchangeDocument, { variables: { interchangeId: 1 }, headers: ACME });
    expect(absent.body).toEqual({ data: { interchange: null } });
  });
});
