/** tradingPartner(ecGridId:), TradingPartner as a Node, and Parcel.from/to: against the simulator's partners. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME, GLOBEX, gql, startStack, type Stack } from '../helpers/index.js';

const FIELDS = 'ecGridId mailboxId networkId qualifier identifier description status routingGroup ediStandard';
/** A simulator ECGrid ID as the schema answers it: `identifier` is upstream `id`. */
const asPartner = (row: Record<string, string | number> | undefined) => {
  if (row === undefined) return null;
  const { id, ...rest } = row;
  return { ...rest, identifier: id };
};

describe('trading partners', () => {
  let stack: Stack;
  let acmeIds: Set<number>;
  beforeAll(async () => {
    stack = await startStack();
    const rows = [...stack.simulator.parcels(1001, 'inbox'), ...stack.simulator.parcels(1001, 'outbox')];
    acmeIds = new Set(rows.flatMap((row) => [Number(row['ecGridIdFrom']), Number(row['ecGridIdTo'])]));
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetCalls());

  it('tradingPartner equals the simulator\'s ECGrid ID; one call', async () => {
    const ecGridId = Number(stack.simulator.parcels(1001, 'inbox')[0]!['ecGridIdFrom']);
    const { body } = await gql(stack.app, `{ tradingPartner(ecGridId: ${ecGridId}) { ${FIELDS} } }`, { headers: ACME });
    expect(body).toEqual({ data: { tradingPartner: asPartner(stack.simulator.partner(ecGridId)) } });
    expect(stack.simulator.calls.map((call) => call.path)).toEqual([`/v2/ids/${ecGridId}`]);
  });

  it('an ECGrid ID the caller does not trade with is null for it, and there for a mailbox that does', async () => {
    const globexIds = [...stack.simulator.parcels(1002, 'inbox'), ...stack.simulator.parcels(1002, 'outbox')].flatMap((row) => [
      Number(row['ecGridIdFrom']),
      Number(row['ecGridIdTo']),
    ]);
    const hidden = globexIds.find((id) => !acmeIds.has(id))!;
    expect(hidden).toBeDefined();
    const query = `{ tradingPartner(ecGridId: ${hidden}) { ecGridId identifier } }`;
    expect((await gql(stack.app, query, { headers: ACME })).body).toEqual({ data: { tradingPartner: null } });
    const partner = asPartner(stack.simulator.partner(hidden))!;
    expect((await gql(stack.app, query, { headers: GLOBEX })).body).toEqual({
      data: { tradingPartner: { ecGridId: hidden, identifier: partner['identifier'] } },
    });
    expect((await gql(stack.app, '{ tradingPartner(ecGridId: 999999999) { ecGridId } }', { headers: ACME })).body).toEqual({ data: { tradingPartner: null } });
  });

  it('ecGridId 0 or negative is BAD_USER_INPUT, with no call', async () => {
    const { body } = await gql(stack.app, '{ a: tradingPartner(ecGridId: 0) { ecGridId } }', { headers: ACME });
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('node(id:) refetches a TradingPartner', async () => {
    const ecGridId = Number(stack.simulator.parcels(1001, 'outbox')[0]!['ecGridIdTo']);
    const { body: first } = await gql(stack.app, `{ tradingPartner(ecGridId: ${ecGridId}) { id } }`, { headers: ACME });
    const id = first.data?.['tradingPartner'].id;
    expect(id).toBe(Buffer.from(`TradingPartner:${ecGridId}`).toString('base64'));
    const { body } = await gql(stack.app, `query($id: ID!) { node(id: $id) { id ... on TradingPartner { ${FIELDS} } } }`, {
      headers: ACME,
      variables: { id },
    });
    expect(body).toEqual({ data: { node: { id, ...asPartner(stack.simulator.partner(ecGridId)) } } });
  });

  it('Parcel.from and Parcel.to are the simulator\'s partners; each distinct one asked for once', async () => {
    const rows = stack.simulator.parcels(1001, 'inbox').slice(0, 60);
    const { body } = await gql(
      stack.app,
      `{ inboxParcels(first: 60) { edges { node { parcelId from { ${FIELDS} } to { ${FIELDS} } } } } }`,
      { headers: ACME, },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['inboxParcels'].edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      rows.map((row) => ({
        parcelId: row['parcelId'],
        from: asPartner(stack.simulator.partner(Number(row['ecGridIdFrom']))),
        to: asPartner(stack.simulator.partner(Number(row['ecGridIdTo']))),
      })),
    );
    const distinct = new Set(rows.flatMap((row) => [Number(row['ecGridIdFrom']), Number(row['ecGridIdTo'])]));
    const idCalls = stack.simulator.calls.filter((call) => call.path.startsWith('/v2/ids/')).map((call) => call.path);
    expect(idCalls.sort()).toEqual([...distinct].map((id) => `/v2/ids/${id}`).sort());
    expect(stack.simulator.callCount).toBe(1 + distinct.size);
  });
});
