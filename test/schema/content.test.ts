/** Parcel.content and GET /parcels/{id}/content: the simulator's file, downloaded and never confirmed, within MAX_CONTENT_BYTES. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME, appBefore, gql, startStack, type Stack, urlOf } from '../helpers/index.js';

const CONTENT = 'query($id: SafeInt!) { parcel(parcelId: $id) { parcelId bytes status content { fileName bytes base64 text } } }';
const utf8 = new TextDecoder('utf-8', { fatal: true });
const textOf = (content: Buffer) => {
  try {
    return utf8.decode(content);
  } catch {
    return null;
  }
};

describe('a parcel\'s file', () => {
  let stack: Stack;
  let parcels: Record<string, string | number>[];
  beforeAll(async () => {
    stack = await startStack();
    parcels = stack.simulator.parcels(1001, 'inbox');
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetCalls());

  it('content decodes to the simulator\'s file; downloading confirms nothing and changes no status', async () => {
    const row = parcels.find((parcel) => parcel['status'] === 'InBoxReady') ?? parcels[0]!;
    const id = Number(row['parcelId']);
    const file = stack.simulator.parcelFile(id)!;
    const { body } = await gql(stack.app, CONTENT, { headers: ACME, variables: { id } });
    expect(body).toEqual({
      data: {
        parcel: {
          parcelId: id,
          bytes: file.content.length,
          status: row['status'],
          content: { fileName: file.fileName, bytes: file.content.length, base64: file.content.toString('base64'), text: textOf(file.content) },
        },
      },
    });
    expect(stack.simulator.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /v2/parcels/${id}`, 'POST /v2/parcels/download']);
    expect(stack.simulator.parcel(id, 1001)!['status']).toBe(row['status']);
  });

  it('a file the parcel shows to be over MAX_CONTENT_BYTES is refused with PAYLOAD_TOO_LARGE and no download call', async () => {
    const big = [...parcels].sort((a, b) => Number(b['bytes']) - Number(a['bytes']))[0]!;
    const limit = Number(big['bytes']) - 1;
    const app = appBefore(stack, { config: { MAX_CONTENT_BYTES: limit } });
    const { body } = await gql(app, CONTENT, { headers: ACME, variables: { id: big['parcelId'] } });
    expect(body.data?.['parcel']).toMatchObject({ parcelId: big['parcelId'], content: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['parcel', 'content'], 'PAYLOAD_TOO_LARGE']]);
    expect(stack.simulator.calls.map((call) => call.path)).toEqual([`/v2/parcels/${big['parcelId']}`]);
  });

  it('a page asking every row\'s content: each file once, never more than 4 x MAX_CONTENT_BYTES passed on', async () => {
    const rows = parcels.slice(0, 12);
    const limit = Math.max(...rows.map((row) => Number(row['bytes'])));
    const app = appBefore(stack, { config: { MAX_CONTENT_BYTES: limit, MAX_UPSTREAM_CALLS: 100 } });
    const { body } = await gql(app, '{ inboxParcels(first: 12) { edges { node { parcelId content { base64 } } } } }', { headers: ACME });
    const nodes = body.data?.['inboxParcels'].edges.map((edge: { node: any }) => edge.node);
    let passedOn = 0;
    nodes.forEach((node: { parcelId: number; content: { base64: string } | null }) => {
      if (node.content === null) return;
      expect(node.content.base64).toBe(stack.simulator.parcelFile(node.parcelId)!.content.toString('base64'));
      passedOn += Buffer.from(node.content.base64, 'base64').length;
    });
    expect(passedOn).toBeLessThanOrEqual(4 * limit);
    const total = rows.reduce((sum, row) => sum + Number(row['bytes']), 0);
    if (total > 4 * limit) expect(body.errors?.some((e) => e.extensions?.['code'] === 'PAYLOAD_TOO_LARGE')).toBe(true);
    for (const error of body.errors ?? []) expect(error.path?.at(-1)).toBe('content');
    const downloads = stack.simulator.calls.filter((call) => call.path === '/v2/parcels/download');
    expect(new Set(downloads.map((call) => JSON.stringify(call.body))).size).toBe(downloads.length);
  });

  it('GET /parcels/{id}/content answers the simulator\'s bytes with the type of its standard', async () => {
    const base = (await urlOf(stack.app)).replace(/\/graphql$/, '');
    const checked = new Set<string>();
    for (const row of parcels.slice(0, 40)) {
      const id = Number(row['parcelId']);
      const file = stack.simulator.parcelFile(id)!;
      const response = await fetch(`${base}/parcels/${id}/content`, { headers: ACME });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(file.content)).toBe(true);
      expect(response.headers.get('content-length')).toBe(String(file.content.length));
      const type = response.headers.get('content-type')!;
      const head = file.content.subarray(0, 3).toString('latin1');
      if (head === 'ISA') expect(type).toBe('application/edi-x12');
      if (head === 'UNA' || head === 'UNB') expect(type).toBe('application/edifact');
      checked.add(type);
    }
    expect(checked.size).toBeGreaterThan(0);
    expect(stack.simulator.calls.filter((call) => call.path.includes('confirm'))).toEqual([]);

    const hidden = stack.simulator.parcels(1002, 'inbox').find((row) => stack.simulator.parcel(Number(row['parcelId']), 1001) === undefined)!;
    const missing = await fetch(`${base}/parcels/${hidden['parcelId']}/content`, { headers: ACME });
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
