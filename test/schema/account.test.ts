/** `me`, `mailbox` and `User.mailbox` against the simulator: the ground truth, null for what a caller cannot see, calls counted where they are made. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailboxRow, userRow } from '../../src/simulator/account.js';
import { ACME, appBefore, GLOBEX, gql, startStack, type Stack } from '../helpers/index.js';

const USER = 'userId login email firstName lastName authLevel status networkId mailboxId created';
const MAILBOX = 'mailboxId networkId uniqueId companyName status created modified';
const iso = (value: unknown) => new Date(String(value)).toISOString();
const served = (row: Record<string, string | number>, ...times: string[]) => ({ ...row, ...Object.fromEntries(times.map((name) => [name, iso(row[name])])) });

describe('the account fields against the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.simulator.resetCalls());

  it("`me` is the credential's own user, by API key or bearer token", async () => {
    for (const [headers, mailboxId] of [[ACME, 1001], [GLOBEX, 1002], [{ authorization: 'Bearer demo-jwt-initech' }, 1003]] as const) {
      const { body } = await gql(stack.app, `{ me { ${USER} } }`, { headers });
      expect(body.errors).toBeUndefined();
      expect(body.data?.['me']).toEqual(served(userRow(stack.simulator.mailbox(mailboxId)), 'created'));
    }
    expect(stack.simulator.calls.map((call) => call.path)).toEqual(['/v2/users/me', '/v2/users/me', '/v2/users/me']);
  });

  it("`mailbox` is the caller's own mailbox, null for another's, after one call each", async () => {
    const own = await gql(stack.app, `{ mailbox(mailboxId: 1001) { ${MAILBOX} } }`, { headers: ACME });
    expect(own.body).toEqual({ data: { mailbox: served(mailboxRow(stack.simulator.mailbox(1001)), 'created', 'modified') } });
    const foreign = await gql(stack.app, '{ mailbox(mailboxId: 1002) { mailboxId } }', { headers: ACME });
    expect(foreign.body).toEqual({ data: { mailbox: null } });
    expect(stack.simulator.calls.map((call) => call.path)).toEqual(['/v2/mailboxes/1001', '/v2/mailboxes/1002']);
  });

  it('`User.mailbox` follows the default mailbox, once for aliases of it and of `mailbox`', async () => {
    const { body } = await gql(
      stack.app,
      '{ me { mailboxId mailbox { mailboxId companyName } } again: mailbox(mailboxId: 1002) { companyName } }',
      { headers: GLOBEX },
    );
    expect(body.data).toEqual({ me: { mailboxId: 1002, mailbox: { mailboxId: 1002, companyName: 'Globex Manufacturing' } }, again: { companyName: 'Globex Manufacturing' } });
    expect(stack.simulator.calls.map((call) => call.path).sort()).toEqual(['/v2/mailboxes/1002', '/v2/users/me']);
  });

  it('counts `User.mailbox` as it runs: within a budget of one call, `me` answers and the link fails at its path', async () => {
    const tight = appBefore(stack, { config: { MAX_UPSTREAM_CALLS: 1 } });
    const { body } = await gql(tight, '{ me { userId mailbox { mailboxId } } }', { headers: ACME });
    expect(body.data).toEqual({ me: { userId: 10010, mailbox: null } });
    expect(body.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([[['me', 'mailbox'], 'UPSTREAM_CALL_BUDGET_EXCEEDED']]);
    const refused = await gql(tight, '{ me { userId } statusLists { parcelStatuses { code } } }', { headers: ACME });
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(stack.simulator.calls.map((call) => call.path)).toEqual(['/v2/users/me']);
  });

  it("refetches a User and a Mailbox by global id; another user's or mailbox's id is null", async () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const ids = [b64('User:10010'), b64('Mailbox:1001'), b64('User:10020'), b64('Mailbox:1002')];
    const { body } = await gql(stack.app, 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { login } ... on Mailbox { companyName } } }', {
      headers: ACME,
      variables: { ids },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['nodes']).toEqual([{ id: ids[0], login: 'acme_retail' }, { id: ids[1], companyName: 'Acme Retail Group' }, null, null]);
    expect(stack.simulator.calls.map((call) => call.path).sort()).toEqual(['/v2/mailboxes/1001', '/v2/mailboxes/1002', '/v2/users/10010', '/v2/users/10020']);
    const me = await gql(stack.app, '{ me { id } }', { headers: ACME });
    expect(me.body.data?.['me'].id).toBe(ids[0]);
  });
});
