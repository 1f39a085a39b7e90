import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/http/graphiql.js';
import {
  DashboardDocument,
  FileDetailDocument,
  InboxDocument,
  InterchangeDocument,
  MailboxStatsDocument,
  NodeDocument,
  OutboxDocument,
  WaitingFilesDocument,
} from '../client/graphql.js';
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
    const documents = { MailboxStats: MailboxStatsDocument, Inbox: InboxDocument, Outbox: OutboxDocument, Interchange: InterchangeDocument, Node: NodeDocument, Dashboard: DashboardDocument, WaitingFiles: WaitingFilesDocument, FileDetail: FileDetailDocument };
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

  it('Dashboard: every tile of a first screen in one request, seven calls, one per endpoint', async () => {
    stack.simulator.resetCalls();
    const until = new Date(stack.clock.ms).toISOString();
    const since = new Date(stack.clock.ms - 7 * 86_400_000).toISOString();
    const { body } = await request(stack.app, DashboardDocument, { variables: { mailboxId: 1001, since, until }, headers: ACME });
    expect(body.errors).toBeUndefined();
    const dashboard = body.data!;
    expect(dashboard.me).toMatchObject({ login: 'acme_retail', mailboxId: 1001 });
    expect(dashboard.mailbox).toMatchObject({ mailboxId: 1001, companyName: 'Acme Retail Group' });
    expect(dashboard.mailboxSummary.totalInterchanges).toBe(stack.simulator.list(1001, 'inbox').length + stack.simulator.list(1001, 'outbox').length);
    expect(dashboard.trafficStats).toHaveLength(7);
    expect(dashboard.instantStats).toEqual(stack.simulator.reports(1001).instant(60, 1440));
    expect(dashboard.statusLists.parcelStatuses.map((entry) => entry.code)).toContain('InBoxReady');
    const days = dashboard.interchangeStats;
    expect(days.length).toBeGreaterThanOrEqual(7);
    const inWeek = (list: 'inbox' | 'outbox') => stack.simulator.list(1001, list, { beginDate: Date.parse(since), endDate: Date.parse(until) }).length;
    expect(days.reduce((sum, day) => sum + (day.count ?? 0), 0)).toBe(inWeek('inbox') + inWeek('outbox'));
    expect(new Set(stack.simulator.calls.map((call) => call.path)).size).toBe(7);
    expect(stack.simulator.calls).toHaveLength(7);
  });

  it('WaitingFiles: the pending inbox with partners and manifests, and failed outbound files', async () => {
    stack.simulator.resetCalls();
    const { body } = await request(stack.app, WaitingFilesDocument, { variables: { failed: 5 }, headers: ACME });
    expect(body.errors).toBeUndefined();
    const pending = stack.simulator.pendingParcels(1001);
    expect(pending.length).toBeGreaterThan(0);
    expect(body.data!.pendingParcels.map((parcel) => parcel.parcelId)).toEqual(pending.map((row) => row['parcelId']));
    for (const parcel of body.data!.pendingParcels) {
      expect(parcel.from?.ecGridId).toBe(stack.simulator.parcel(parcel.parcelId, 1001)?.['ecGridIdFrom']);
      expect(parcel.manifest?.map((entry) => entry.interchangeId)).toEqual(stack.simulator.parcelManifest(parcel.parcelId)?.map((row) => row['interchangeId']));
    }
    const failed = stack.simulator.parcels(1001, 'outbox', { status: 'outboxFailed', endDate: stack.clock.ms - 1000 });
    expect(failed.length).toBeGreaterThan(0);
    expect(body.data!.outboxParcels.edges.map((edge) => edge.node.parcelId)).toEqual(failed.slice(0, 5).map((row) => row['parcelId']));
    expect(body.data!.outboxParcels.pageInfo.hasNextPage).toBe(failed.length > 5);
    // Each distinct partner once, each pending parcel's manifest once, no parcel lookups: the lists' rows are the parcels.
    expect(stack.simulator.calls.filter((call) => call.path.startsWith('/v2/parcels/') && /\/\d+$/.test(call.path) && !call.path.includes('manifest'))).toHaveLength(0);
    const partnerCalls = stack.simulator.calls.filter((call) => call.path.startsWith('/v2/ids/')).map((call) => call.path);
    expect(new Set(partnerCalls).size).toBe(partnerCalls.length);
  });

  it('FileDetail: a file with its partners, interchanges, functional groups and content', async () => {
    const [row] = stack.simulator.parcels(1001, 'inbox');
    const parcelId = Number(row!['parcelId']);
    const { body } = await request(stack.app, FileDetailDocument, { variables: { parcelId }, headers: ACME });
    expect(body.errors).toBeUndefined();
    const parcel = body.data!.parcel!;
    expect(parcel).toMatchObject({ parcelId, fileName: row!['fileName'], bytes: row!['bytes'], status: row!['status'] });
    expect(parcel.from?.ecGridId).toBe(row!['ecGridIdFrom']);
    expect(parcel.to?.ecGridId).toBe(row!['ecGridIdTo']);
    const manifest = stack.simulator.parcelManifest(parcelId)!;
    expect(parcel.manifest?.map((entry) => entry.interchangeId)).toEqual(manifest.map((entry) => entry['interchangeId']));
    for (const entry of parcel.manifest ?? []) {
      expect(entry.interchange?.manifest?.map((group) => group.groupControlNumber)).toEqual(
        stack.simulator.interchangeManifest(entry.interchangeId!)?.map((group) => group['groupControlNumber']),
      );
    }
    const file = stack.simulator.parcelFile(parcelId)!;
    expect(parcel.content).toEqual({ fileName: file.fileName, bytes: file.content.length, text: file.content.toString('utf8') });
  });
});
