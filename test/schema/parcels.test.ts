/** parcel(parcelId:), Parcel as a Node and a federation entity, and list rows answering lookups: against the simulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME, GLOBEX, gql, startStack, type Stack } from '../helpers/index.js';

const FIELDS = 'parcelId mailboxId networkId fileName bytes status ecGridIdFrom ecGridIdTo created modified';
const iso = (value: unknown) => new Date(String(value)).toISOString();
const asParcel = (row: Record<string, string | number>): Record<string, string | number> => ({ ...row, created: iso(row['created']), modified: iso(row['modified']) });
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('one parcel', () => {
  let stack: Stack;
  let inbound: Record<string, string | number>;
  let outbound: Record<string, string | number>;
  /** A parcel between GLOBEX and a partner: none of ACME's business. */
  let foreign: Record<string, string | number>;

  beforeAll(async () => {
    stack = await startStack();
    inbound = stack.simulator.parcels(1001, 'inbox')[3]!;
    outbound = stack.simulator.parcels(1001, 'outbox')[5]!;
    foreign = stack.simulator.parcels(1002, 'inbox').find((row) => stack.simulator.parcel(Number(row['parcelId']), 1001) === undefined)!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetCalls());

  it('parcel(parcelId:) equals the simulator\'s parcel from the caller\'s side, one GET each', async () => {
    const { body } = await gql(stack.app, `{ a: parcel(parcelId: ${inbound['parcelId']}) { ${FIELDS} } b: parcel(parcelId: ${outbound['parcelId']}) { ${FIELDS} } }`, {
      headers: ACME,
    });
    expect(body).toEqual({
      data: {
        a: asParcel(stack.simulator.parcel(Number(inbound['parcelId']), 1001)!),
        b: asParcel(stack.simulator.parcel(Number(outbound['parcelId']), 1001)!),
      },
    });
    expect(stack.simulator.calls.map((call) => call.path).sort()).toEqual([`/v2/parcels/${inbound['parcelId']}`, `/v2/parcels/${outbound['parcelId']}`].sort());
  });

  it('another tenant\'s parcel is null for this one, and there for its own', async () => {
    expect(foreign).toBeDefined();
    const query = `{ parcel(parcelId: ${foreign['parcelId']}) { parcelId fileName } }`;
    expect((await gql(stack.app, query, { headers: ACME })).body).toEqual({ data: { parcel: null } });
    expect((await gql(stack.app, query, { headers: GLOBEX })).body).toEqual({
      data: { parcel: { parcelId: foreign['parcelId'], fileName: foreign['fileName'] } },
    });
  });

  it.each(['0', '-5'])('parcelId %s is BAD_USER_INPUT, with no call', async (id) => {
    const { body } = await gql(stack.app, `{ parcel(parcelId: ${id}) { parcelId } }`, { headers: ACME });
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('node(id:) and nodes(ids:) refetch a Parcel by its global id', async () => {
    const { body: first } = await gql(stack.app, `{ parcel(parcelId: ${inbound['parcelId']}) { id } }`, { headers: ACME });
    const id = first.data?.['parcel'].id;
    expect(id).toBe(b64(`Parcel:${inbound['parcelId']}`));
    const { body } = await gql(
      stack.app,
      `query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Parcel { ${FIELDS} } } nodes(ids: $ids) { ... on Parcel { parcelId } } }`,
      { headers: ACME, variables: { id, ids: [id, b64(`Parcel:${foreign['parcelId']}`), b64('Parcel:abc')] } },
    );
    expect(body.data?.['node']).toEqual({ id, ...asParcel(stack.simulator.parcel(Number(inbound['parcelId']), 1001)!) });
    expect(body.data?.['nodes']).toEqual([{ parcelId: inbound['parcelId'] }, null, null]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['nodes', 2], 'BAD_USER_INPUT']]);
  });

  it('federation: _entities resolves Parcel by parcelId (number or numeric string); a bad one fails its own entry', async () => {
    const { body } = await gql(
      stack.app,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Parcel { parcelId fileName } } }`,
      {
        headers: ACME,
        variables: {
          r: [
            { __typename: 'Parcel', parcelId: inbound['parcelId'] },
            { __typename: 'Parcel', parcelId: String(outbound['parcelId']) },
            { __typename: 'Parcel', parcelId: 'P-1' },
            { __typename: 'Parcel', parcelId: foreign['parcelId'] },
          ],
        },
      },
    );
    expect(body.data?.['_entities']).toEqual([
      { parcelId: inbound['parcelId'], fileName: inbound['fileName'] },
      { parcelId: outbound['parcelId'], fileName: outbound['fileName'] },
      null,
      null,
    ]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['_entities', 2], 'BAD_USER_INPUT']]);
  });

  it('rows of a parcel list answer parcel(parcelId:) in the same operation, without a call of their own', async () => {
    const rows = stack.simulator.parcels(1001, 'inbox').slice(0, 5);
    const { body } = await gql(
      stack.app,
      `{ inboxParcels(first: 5) { edges { node { parcelId } } } p: parcel(parcelId: ${rows[4]!['parcelId']}) { ${FIELDS} } }`,
      { headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['p']).toEqual(asParcel(rows[4]!));
    expect(stack.simulator.calls.map((call) => call.path)).toEqual(['/v2/parcels/inbox-list']);
  });
});
