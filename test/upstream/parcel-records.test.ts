/** The parcel, partner and manifest readers tolerate the variants ECGrid's pages disagree on (ENDPOINTS.md §6 C1 C3 C6 C8), through GraphQL over HTTP. */
import { describe, expect, it } from 'vitest';
import { ACME, gql, mockUpstream, recorder } from '../helpers/index.js';

const ok = (data: unknown, extra: Record<string, unknown> = {}) => ({ success: true, data, errorCode: null, message: null, ...extra });

const documented = {
  parcelId: 55500001,
  mailboxId: 1001,
  networkId: 40,
  fileName: 'PO_0001.x12',
  bytes: 1234,
  status: 'InBoxReady',
  ecGridIdFrom: 420100,
  ecGridIdTo: 310001,
  created: '2026-11-01T10:00:00Z',
  modified: '2026-11-01T10:05:00Z',
};
// The polling guide's spelling (C1), with a status the enum does not have (C6).
const guide = {
  parcelId: '55500002',
  mailboxId: 1001,
  fileName: 'INVOIC.edi',
  size: 777,
  status: 'as2MDNPending',
  fromECGridId: 420101,
  toECGridId: 310001,
  receivedDate: '2026-11-02T08:00:00.1234567Z',
};
const mvc = { parcelId: 55500003, createdOn: '2026-11-03T09:00:00', status: 'OutBoxDelivered' };

const LIST = `{ inboxParcels(first: 3) { totalCount pageInfo { hasNextPage }
  edges { node { parcelId mailboxId networkId fileName bytes status ecGridIdFrom ecGridIdTo created modified } } } }`;

const expected = [
  { ...documented, created: '2026-11-01T10:00:00.000Z', modified: '2026-11-01T10:05:00.000Z' },
  {
    parcelId: 55500002, mailboxId: 1001, networkId: null, fileName: 'INVOIC.edi', bytes: 777, status: 'as2MDNPending',
    ecGridIdFrom: 420101, ecGridIdTo: 310001, created: '2026-11-02T08:00:00.123Z', modified: null,
  },
  {
    parcelId: 55500003, mailboxId: null, networkId: null, fileName: null, bytes: null, status: 'OutBoxDelivered',
    ecGridIdFrom: null, ecGridIdTo: null, created: '2026-11-03T09:00:00.000Z', modified: null,
  },
];

describe('parcel lists: the shapes of `data`', () => {
  const shapes: [string, unknown, Record<string, unknown>][] = [
    ['a flat list (P2)', [documented, guide, mvc], {}],
    ['wrapped as {parcels}', { parcels: [documented, guide, mvc] }, {}],
    ['wrapped as {items}, with a total inside', { items: [documented, guide, mvc], totalRecords: 99 }, {}],
    ['wrapped as {records}', { records: [documented, guide, mvc] }, {}],
    ['a flat list with the totals beside `data` (P3)', [documented, guide, mvc], { totalRecords: 3, pageNo: 1, recordsPerPage: 4 }],
  ];
  it.each(shapes)('%s: every spelling read, the total null, one call', async (_name, data, extra) => {
    const { app, pool, requests } = mockUpstream();
    pool.intercept({ path: '/v2/parcels/inbox-list', method: 'POST' }).reply(recorder(requests, 200, ok(data, extra)));
    const { body } = await gql(app, LIST, { headers: ACME });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['inboxParcels']).toEqual({ totalCount: null, pageInfo: { hasNextPage: false }, edges: expected.map((node) => ({ node })) });
    // Three rows and one look-ahead asked for in one page.
    expect(requests.map((r) => r.body)).toEqual([{ pageNo: 1, recordsPerPage: 4, endDate: expect.any(String) }]);
  });

  it('one bad row costs only its own fields; the others stand', async () => {
    const { app, pool, requests } = mockUpstream();
    const bad = { ...documented, parcelId: 'P-17', bytes: 'big', ecGridIdFrom: 9_999_999_999, created: 'yesterday' };
    pool.intercept({ path: '/v2/parcels/inbox-list', method: 'POST' }).reply(recorder(requests, 200, ok([guide, bad, 'not a row', mvc])));
    const { body } = await gql(app, LIST, { headers: ACME });
    const nodes = body.data?.['inboxParcels'].edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes[0]).toEqual(expected[1]);
    expect(nodes[1]).toMatchObject({ parcelId: 0, bytes: null, ecGridIdFrom: null, created: null, fileName: 'PO_0001.x12', status: 'InBoxReady' });
    expect(nodes[2]).toMatchObject({ parcelId: 0, fileName: null, status: null });
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']]).sort()).toEqual([
      ['inboxParcels.edges.1.node.bytes', 'UPSTREAM_BAD_RESPONSE'],
      ['inboxParcels.edges.1.node.created', 'UPSTREAM_BAD_RESPONSE'],
      ['inboxParcels.edges.1.node.ecGridIdFrom', 'UPSTREAM_BAD_RESPONSE'],
      ['inboxParcels.edges.1.node.parcelId', 'UPSTREAM_BAD_RESPONSE'],
      ['inboxParcels.edges.2.node.parcelId', 'UPSTREAM_BAD_RESPONSE'],
    ]);
    expect(body.data?.['inboxParcels'].pageInfo).toEqual({ hasNextPage: true });
  });

  it.each([
    ['a string', 'parcels'],
    ['an object without a list', { parcels: 'none' }],
    ['null', null],
  ])('data that is %s is a bad answer for the whole list', async (_name, data) => {
    const { app, pool, requests } = mockUpstream();
    pool.intercept({ path: '/v2/parcels/inbox-list', method: 'POST' }).reply(recorder(requests, 200, ok(data)));
    const { body } = await gql(app, LIST, { headers: ACME });
    expect(body.data).toBeNull();
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['inboxParcels', 'UPSTREAM_BAD_RESPONSE']]);
  });

  it('pendingParcels reads the guide\'s paged variant (totals beside data) and sends only mailboxId', async () => {
    const { app, pool, requests } = mockUpstream();
    pool.intercept({ path: '/v2/parcels/pending-inbox-list', method: 'POST' }).reply(recorder(requests, 200, ok([guide], { totalRecords: 1 })));
    const { body } = await gql(app, '{ pendingParcels(mailboxId: 1001) { parcelId ecGridIdFrom bytes created } }', { headers: ACME });
    expect(body).toEqual({ data: { pendingParcels: [{ parcelId: 55500002, ecGridIdFrom: 420101, bytes: 777, created: '2026-11-02T08:00:00.123Z' }] } });
    expect(requests.map((r) => r.body)).toEqual([{ mailboxId: 1001 }]);
  });
});

describe('one parcel, a partner and the manifests', () => {
  it('GET /v2/parcels/{id} in either spelling; 404 is null', async () => {
    const { app, pool, requests } = mockUpstream();
    pool.intercept({ path: '/v2/parcels/55500002', method: 'GET' }).reply(recorder(requests, 200, ok(guide)));
    pool.intercept({ path: '/v2/parcels/7', method: 'GET' }).reply(recorder(requests, 404, { success: false, data: null, errorCode: 'ObjectNotFound', message: 'no' }));
    const { body } = await gql(app, '{ a: parcel(parcelId: 55500002) { parcelId bytes ecGridIdTo } b: parcel(parcelId: 7) { parcelId } }', { headers: ACME });
    expect(body).toEqual({ data: { a: { parcelId: 55500002, bytes: 777, ecGridIdTo: 310001 }, b: null } });
  });

  it('a trading partner: `identifier` is upstream `id`; unknown fields ignored', async () => {
    const { app, pool, requests } = mockUpstream();
    const partner = {
      ecGridId: 420100, mailboxId: 2001, networkId: 41, qualifier: 'ZZ', id: 'NORTHWIND', description: 'Northwind Traders',
      status: 'Active', routingGroup: 'ProductionA', ediStandard: 'X12', somethingNew: [1],
    };
    pool.intercept({ path: '/v2/ids/420100', method: 'GET' }).reply(recorder(requests, 200, ok(partner)));
    const { body } = await gql(
      app,
      '{ tradingPartner(ecGridId: 420100) { ecGridId mailboxId networkId qualifier identifier description status routingGroup ediStandard } }',
      { headers: ACME },
    );
    const { id, somethingNew, ...rest } = partner;
    expect(body).toEqual({ data: { tradingPartner: { ...rest, identifier: id } } });
    expect(somethingNew).toBeDefined();
  });

  it('manifests: flat or wrapped; control numbers keep their leading zeros', async () => {
    const { app, pool, requests } = mockUpstream();
    const entries = [{ interchangeId: 98700001, sender: 'ACME', receiver: 'NORTHWIND', documentType: '850', count: 3 }];
    const groups = [{ functionalGroup: 'PO', transactionSetType: '850', transactionSetCount: 3, groupControlNumber: '000123' }];
    pool.intercept({ path: '/v2/parcels/55500001', method: 'GET' }).reply(recorder(requests, 200, ok(documented)));
    pool.intercept({ path: '/v2/parcels/manifest/55500001', method: 'GET' }).reply(recorder(requests, 200, ok({ interchanges: entries })));
    pool.intercept({ path: '/v2/interchanges/98700001', method: 'GET' }).reply(
      recorder(requests, 200, ok({ interchangeId: 98700001, parcelId: 55500001, standard: 'X12', created: '2026-11-01T10:00:00Z' })),
    );
    pool.intercept({ path: '/v2/interchanges/get-manifest/98700001', method: 'GET' }).reply(recorder(requests, 200, ok(groups)));
    const { body } = await gql(
      app,
      `{ parcel(parcelId: 55500001) { manifest { interchangeId sender receiver documentType count
          interchange { interchangeId manifest { functionalGroup transactionSetType transactionSetCount groupControlNumber } } } } }`,
      { headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['parcel'].manifest).toEqual([{ ...entries[0], interchange: { interchangeId: 98700001, manifest: groups } }]);
  });
});

describe('download (C3)', () => {
  const file = Buffer.from('ISA*00*          *00*          *ZZ*ACME~');
  const CONTENT = '{ parcel(parcelId: 55500001) { content { fileName bytes base64 text } } }';
  const withParcel = (config = {}) => {
    const mocked = mockUpstream({ config });
    mocked.pool.intercept({ path: '/v2/parcels/55500001', method: 'GET' }).reply(recorder(mocked.requests, 200, ok({ ...documented, bytes: null })));
    return mocked;
  };

  it.each([
    ['the reference: bytes', { parcelId: 55500001, fileName: 'PO.x12', content: file.toString('base64'), bytes: file.length }],
    ['the guide: size and contentEncoding "Base64"', { parcelId: 55500001, fileName: 'PO.x12', content: file.toString('base64'), contentEncoding: 'Base64', size: file.length }],
    ['base64 wrapped in lines', { parcelId: 55500001, fileName: 'PO.x12', content: file.toString('base64').replace(/(.{16})/g, '$1\r\n') }],
  ])('%s', async (_name, data) => {
    const { app, pool, requests } = withParcel();
    pool.intercept({ path: '/v2/parcels/download', method: 'POST' }).reply(recorder(requests, 200, ok(data)));
    const { body } = await gql(app, CONTENT, { headers: ACME });
    expect(body).toEqual({ data: { parcel: { content: { fileName: 'PO.x12', bytes: file.length, base64: file.toString('base64'), text: file.toString() } } } });
    expect(requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body ?? null)}`)).toEqual([
      'GET /v2/parcels/55500001 null',
      'POST /v2/parcels/download {"parcelId":55500001}',
    ]);
  });

  it.each([
    ['another encoding', { content: 'H4sIAAAA', contentEncoding: 'gzip' }],
    ['content that is not base64', { content: 'not base64!' }],
    ['no content', { fileName: 'x' }],
  ])('%s is a bad answer', async (_name, data) => {
    const { app, pool, requests } = withParcel();
    pool.intercept({ path: '/v2/parcels/download', method: 'POST' }).reply(recorder(requests, 200, ok(data)));
    const { body } = await gql(app, CONTENT, { headers: ACME });
    expect(body.data).toEqual({ parcel: { content: null } });
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['parcel.content', 'UPSTREAM_BAD_RESPONSE']]);
  });

  it('text is null for a file that is not UTF-8; base64 carries it', async () => {
    const binary = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00, 0x80]);
    const { app, pool, requests } = withParcel();
    pool.intercept({ path: '/v2/parcels/download', method: 'POST' }).reply(recorder(requests, 200, ok({ content: binary.toString('base64') })));
    const { body } = await gql(app, CONTENT, { headers: ACME });
    expect(body).toEqual({ data: { parcel: { content: { fileName: null, bytes: 8, base64: binary.toString('base64'), text: null } } } });
  });

  it('a file over MAX_CONTENT_BYTES: refused after decoding its length, and an answer past the read bound is cut off unread', async () => {
    const { app, pool, requests } = withParcel({ MAX_CONTENT_BYTES: 1024 });
    pool.intercept({ path: '/v2/parcels/download', method: 'POST' }).reply(recorder(requests, 200, ok({ content: Buffer.alloc(1025, 65).toString('base64') })));
    const over = await gql(app, CONTENT, { headers: ACME });
    expect(over.body.data).toEqual({ parcel: { content: null } });
    expect(over.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['parcel.content', 'PAYLOAD_TOO_LARGE']]);
    expect(over.body.errors?.[0]?.message).toContain('1025 bytes');

    // 200 KB of base64 for a 1 KiB limit: past base64(1 KiB) plus the envelope's room, reading stops.
    pool.intercept({ path: '/v2/parcels/55500001', method: 'GET' }).reply(recorder(requests, 200, ok({ ...documented, bytes: null })));
    pool.intercept({ path: '/v2/parcels/download', method: 'POST' }).reply(recorder(requests, 200, ok({ content: Buffer.alloc(150_000, 65).toString('base64') })));
    const huge = await gql(app, CONTENT, { headers: ACME });
    expect(huge.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['parcel.content', 'PAYLOAD_TOO_LARGE']]);
    expect(huge.body.errors?.[0]?.message).toMatch(/larger than the \d+ bytes this server reads/);
  });

  it('a parcel whose known bytes exceed MAX_CONTENT_BYTES is refused with no download call', async () => {
    const { app, pool, requests } = mockUpstream({ config: { MAX_CONTENT_BYTES: 1024 } });
    pool.intercept({ path: '/v2/parcels/55500001', method: 'GET' }).reply(recorder(requests, 200, ok({ ...documented, bytes: 1025 })));
    const { body } = await gql(app, CONTENT, { headers: ACME });
    expect(body.data).toEqual({ parcel: { content: null } });
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['parcel.content', 'PAYLOAD_TOO_LARGE']]);
    expect(requests.map((r) => r.path)).toEqual(['/v2/parcels/55500001']);
  });
});
