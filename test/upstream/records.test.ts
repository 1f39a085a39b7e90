import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, gql, startStack, type Stack } from '../helpers/index.js';

const PAGE = '{ inbox(first: 4) { edges { node { interchangeId parcelId sender standard rawStandard documentType status created } } } }';

type Rows = { data: { interchanges: Record<string, unknown>[] } };
const editRows = (edit: (rows: Record<string, unknown>[]) => void) => (body: Record<string, unknown>) => {
  edit((body as unknown as Rows).data.interchanges);
  return body;
};

describe('one bad upstream record costs only its own fields', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('an unknown standard becomes null with an error at its path; the rest of the page is intact', async () => {
    const clean = await gql(stack.app, PAGE, { headers: ACME });
    stack.simulator.injectFault({
      path: '/v2/interchanges/inbox-list',
      times: 1,
      fault: { kind: 'transform', transform: editRows((rows) => { rows[2]!['standard'] = 'EANCOM'; }) },
    });
    const { body } = await gql(stack.app, PAGE, { headers: ACME });
    const edges = body.data?.['inbox'].edges;
    const cleanEdges = clean.body.data?.['inbox'].edges;
    expect(edges).toHaveLength(4);
    expect(edges[2].node.standard).toBeNull();
    expect(edges[2].node.rawStandard).toBe('EANCOM');
    expect(edges[2].node.interchangeId).toBe(cleanEdges[2].node.interchangeId);
    expect([edges[0], edges[1], edges[3]]).toEqual([cleanEdges[0], cleanEdges[1], cleanEdges[3]]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ['inbox', 'edges', 2, 'node', 'standard'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
    });
  });

  it('a missing created and a non-numeric parcelId cost those fields alone; new fields are ignored', async () => {
    stack.simulator.injectFault({
      path: '/v2/interchanges/inbox-list',
      times: 1,
      fault: {
        kind: 'transform',
        transform: editRows((rows) => {
          delete rows[0]!['created'];
          rows[1]!['parcelId'] = 'P-17';
          rows[3]!['someNewField'] = { nested: [1, 2] };
        }),
      },
    });
    const { body } = await gql(stack.app, PAGE, { headers: ACME });
    const nodes = body.data?.['inbox'].edges.map((e: any) => e.node);
    expect(nodes[0].created).toBe('1970-01-01T00:00:00.000Z');
    expect(nodes[0].sender).toEqual(expect.any(String));
    expect(nodes[1].parcelId).toBeNull();
    expect(nodes[3].standard).toEqual(expect.any(String));
    expect(body.errors?.map((e) => e.path)).toEqual([
      ['inbox', 'edges', 1, 'node', 'parcelId'],
      ['inbox', 'edges', 0, 'node', 'created'],
    ]);
  });

  it('accepts times without an offset (UTC) and .NET fractions, answering UTC', async () => {
    stack.simulator.injectFault({
      path: '/v2/interchanges/inbox-list',
      times: 1,
      fault: {
        kind: 'transform',
        transform: editRows((rows) => {
          rows[0]!['created'] = '2026-05-01T10:30:00';
          rows[1]!['created'] = '2026-05-01T10:30:00.1234567Z';
          rows[2]!['created'] = '2026-05-01T12:30:00+02:00';
        }),
      },
    });
    const { body } = await gql(stack.app, PAGE, { headers: ACME });
    const created = body.data?.['inbox'].edges.map((e: any) => e.node.created);
    expect(created.slice(0, 3)).toEqual(['2026-05-01T10:30:00.000Z', '2026-05-01T10:30:00.123Z', '2026-05-01T10:30:00.000Z']);
    expect(body.errors).toBeUndefined();
  });

  it('maps upstream standard spellings onto the enum (Binary -> BINARY)', async () => {
    stack.simulator.injectFault({
      path: '/v2/interchanges/inbox-list',
      times: 1,
      fault: { kind: 'transform', transform: editRows((rows) => { rows[0]!['standard'] = 'Binary'; rows[1]!['standard'] = 'peppol'; }) },
    });
    const { body } = await gql(stack.app, PAGE, { headers: ACME });
    expect(body.data?.['inbox'].edges.slice(0, 2).map((e: any) => e.node.standard)).toEqual(['BINARY', 'PEPPOL']);
  });
});
