/** inboxParcels / outboxParcels (lists without totals) and pendingParcels, against the simulator's ground truth. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME, gql, startStack, type Stack } from '../helpers/index.js';

const FIELDS = 'parcelId mailboxId networkId fileName bytes status ecGridIdFrom ecGridIdTo created modified';
const iso = (value: unknown) => new Date(String(value)).toISOString();
/** A simulator row as the schema answers it. */
const asParcel = (row: Record<string, string | number>): Record<string, string | number> => ({ ...row, created: iso(row['created']), modified: iso(row['modified']) });

type Page = { edges: { cursor: string; node: Record<string, unknown> }[]; pageInfo: Record<string, any>; totalCount: null };

describe.each(['inbox', 'outbox'] as const)('%sParcels', (direction) => {
  const field = `${direction}Parcels`;
  const query = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ParcelFilter) {
    ${field}(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${FIELDS} } } } }`;
  let stack: Stack;
  let truth: ReturnType<typeof asParcel>[];
  /** Every row's cursor, from the forward walk. */
  const cursors: string[] = [];
  beforeAll(async () => {
    stack = await startStack();
    truth = stack.simulator.parcels(1001, direction).map(asParcel);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetCalls());

  const page = async (variables: Record<string, unknown>): Promise<Page> => {
    const { body } = await gql(stack.app, query, { headers: ACME, variables });
    expect(body.errors).toBeUndefined();
    return body.data![field] as Page;
  };

  it('a forward walk (first/after) to the end equals the simulator\'s list, the last page short, no total', async () => {
    expect(truth.length).toBeGreaterThan(120);
    const seen: Record<string, unknown>[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i += 1) {
      const answer = await page({ first: 47, after });
      expect(answer.totalCount).toBeNull();
      seen.push(...answer.edges.map((edge) => edge.node));
      cursors.push(...answer.edges.map((edge) => edge.cursor));
      if (!answer.pageInfo.hasNextPage) break;
      after = answer.pageInfo.endCursor;
    }
    expect(seen).toEqual(truth);

    // And back (last/before) from the last row to the start.
    const back: Record<string, unknown>[] = [];
    let before = cursors.at(-1);
    for (let i = 0; i < 100; i += 1) {
      const answer = await page({ last: 31, before });
      back.unshift(...answer.edges.map((edge) => edge.node));
      expect(answer.pageInfo.hasNextPage).toBe(true);
      if (!answer.pageInfo.hasPreviousPage) break;
      before = answer.pageInfo.startCursor;
    }
    expect([...back, seen.at(-1)]).toEqual(truth);
  });

  it('first: 25 with hasNextPage is one call of 26 rows', async () => {
    const answer = await page({ first: 25 });
    expect(answer.edges.map((edge) => edge.node)).toEqual(truth.slice(0, 25));
    expect(answer.pageInfo.hasNextPage).toBe(true);
    expect(stack.simulator.calls.map((call) => [call.path, (call.body as Record<string, unknown>)['pageNo'], (call.body as Record<string, unknown>)['recordsPerPage']])).toEqual([
      [`/v2/parcels/${direction}-list`, 1, 26],
    ]);
  });

  it('hasNextPage is false on a window that ends exactly at the list\'s end', async () => {
    expect(cursors).toHaveLength(truth.length);
    const last3 = await page({ first: 3, after: cursors.at(-4) });
    expect(last3.edges.map((edge) => edge.node)).toEqual(truth.slice(-3));
    expect(last3.pageInfo).toMatchObject({ hasNextPage: false });
    expect((await page({ first: 2, after: cursors.at(-4) })).pageInfo).toMatchObject({ hasNextPage: true });
  });

  it('`last` without `before` or `first` is BAD_USER_INPUT, with no upstream call', async () => {
    const { body } = await gql(stack.app, `{ ${field}(last: 5) { edges { cursor } } }`, { headers: ACME });
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code'], e.extensions?.['argumentName']])).toEqual([[[field], 'BAD_USER_INPUT', 'last']]);
    expect(stack.simulator.callCount).toBe(0);
  });

  it('a cursor of another filter, or of the other list, is refused with no call', async () => {
    const { edges } = await page({ first: 2 });
    stack.simulator.resetCalls();
    const other = direction === 'inbox' ? 'outboxParcels' : 'inboxParcels';
    for (const document of [
      `{ ${field}(first: 2, after: "${edges[0]!.cursor}", filter: { status: "InBoxReady" }) { edges { cursor } } }`,
      `{ ${field}(first: 2, after: "${edges[0]!.cursor}", filter: { ecGridIdFrom: 420100 }) { edges { cursor } } }`,
      `{ ${other}(first: 2, after: "${edges[0]!.cursor}") { edges { cursor } } }`,
      `{ inbox(first: 2, after: "${edges[0]!.cursor}") { edges { cursor } } }`,
    ]) {
      const { body } = await gql(stack.app, document, { headers: ACME });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
    expect(stack.simulator.callCount).toBe(0);
  });

  it('the filter narrows as ECGrid does: by status, by partner, by dates', async () => {
    const sample = truth[Math.floor(truth.length / 2)]!;
    const filters: Record<string, unknown>[] = [
      { status: sample['status'] },
      { ecGridIdFrom: sample['ecGridIdFrom'] },
      { ecGridIdTo: sample['ecGridIdTo'] },
      { beginDate: truth[60]!['created'], endDate: truth[20]!['created'] },
    ];
    for (const filter of filters) {
      const simFilter = {
        ...filter,
        beginDate: filter['beginDate'] === undefined ? undefined : Date.parse(String(filter['beginDate'])),
        endDate: filter['endDate'] === undefined ? undefined : Date.parse(String(filter['endDate'])),
      };
      const expected = stack.simulator.parcels(1001, direction, simFilter).map(asParcel).slice(0, 500);
      expect(expected.length).toBeGreaterThan(0);
      const answer = await page({ first: 500, filter });
      expect(answer.edges.map((edge) => edge.node)).toEqual(expected);
    }
  });

  it('a status that is no identifier is BAD_USER_INPUT, with no call', async () => {
    const { body } = await gql(stack.app, query, { headers: ACME, variables: { first: 1, filter: { status: 'x" OR 1=1' } } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.status' });
    expect(stack.simulator.callCount).toBe(0);
  });
});

describe('pendingParcels', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('equals the simulator\'s InBoxReady parcels, in one call, and its rows answer parcel(parcelId) without another', async () => {
    const truth = stack.simulator.pendingParcels(1001).map(asParcel);
    expect(truth.length).toBeGreaterThan(0);
    stack.simulator.resetCalls();
    const id = truth[0]!['parcelId'];
    const { body } = await gql(stack.app, `{ pendingParcels { ${FIELDS} } again: pendingParcels(mailboxId: 0) { parcelId } one: parcel(parcelId: ${id}) { fileName } }`, {
      headers: ACME,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['pendingParcels']).toEqual(truth);
    expect(body.data?.['one']).toEqual({ fileName: truth[0]!['fileName'] });
    expect(stack.simulator.calls.map((call) => call.path)).toEqual(['/v2/parcels/pending-inbox-list']);
  });

  it('another mailbox is the upstream\'s to refuse; a negative id is BAD_USER_INPUT with no call', async () => {
    stack.simulator.resetCalls();
    const { body } = await gql(stack.app, '{ pendingParcels(mailboxId: -1) { parcelId } }', { headers: ACME });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.simulator.callCount).toBe(0);
    const other = await gql(stack.app, '{ pendingParcels(mailboxId: 1002) { parcelId } }', { headers: ACME });
    expect(other.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
