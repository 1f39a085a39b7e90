/** What a refused operation and a refused credential say, over HTTP: the limit and the setting by name, never "Syntax Error". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, appBefore, gql, type Stack, startStack } from '../helpers/index.js';

describe('operation limits say which limit, and by how much', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it.each([
    ['aliases', `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: mailboxStats { sent }`).join(' ')} }`, 'Too many aliases: 21; the limit is 20 (MAX_ALIASES).'],
    ['directives', `{ __typename ${'@include(if: true) '.repeat(21)} }`, 'Too many directives: 21; the limit is 20 (MAX_DIRECTIVES).'],
    ['tokens', `{ ${'__typename '.repeat(1600)} }`, 'Too many tokens: the limit is 1500 (MAX_TOKENS).'],
  ])('%s', async (_name, query, message) => {
    stack.simulator.resetCalls();
    const { status, body } = await gql(stack.app, query, { headers: ACME });
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.message)).toEqual([message]);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(stack.simulator.callCount).toBe(0);
  });

  it('depth', async () => {
    const app = appBefore(stack, { config: { MAX_DEPTH: 3 } });
    const { status, body } = await gql(app, '{ inbox { edges { node { id } } } }', { headers: ACME });
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.message)).toEqual(['Too deep: depth 4; the limit is 3 (MAX_DEPTH).']);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a real syntax error still says so', async () => {
    const { body } = await gql(stack.app, '{ mailboxStats { sent }', { headers: ACME });
    expect(body.errors?.[0]?.message).toMatch(/^Syntax Error: /);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('a refused credential says whether one was sent', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('a wrong API key: not valid, not "missing"', async () => {
    const { body } = await gql(stack.app, '{ mailboxStats { sent } }', { headers: { 'x-api-key': 'demo-key-wrong' } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', upstreamErrorCode: 'InvalidAPIKey' });
    expect(body.errors?.[0]?.message).toBe('The API key is not valid or has been revoked');
    expect(body.errors?.[0]?.message).not.toContain('demo-key-wrong');
  });

  it('ECGrid (the simulator) without any credential: missing', async () => {
    const response = await fetch(`${stack.simulator.url}/v2/reports/mailbox-interchange-stats`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errorCode: 'InvalidAPIKey', message: 'No API key or session token was sent (X-API-Key or Authorization: Bearer)' });
  });
});
