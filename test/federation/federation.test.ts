import { readFileSync } from 'node:fs';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INTERCHANGE_LOOKUP_CONCURRENCY } from '../../src/loaders/index.js';
import { MAX_ENTITY_REPRESENTATIONS } from '../../src/schema/federation.js';
import { EntitiesDocument, ServiceDocument } from '../client/graphql.js';
import { ACME, appBefore, startStack, type Stack } from '../helpers/index.js';
import { request } from '../helpers/typed-request.js';

/** An undici interceptor that counts the upstream requests in flight at once. */
function inFlightCounter() {
  const counter = { now: 0, max: 0 };
  const interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
    counter.now += 1;
    counter.max = Math.max(counter.max, counter.now);
    let open = true;
    const finish = () => {
      if (open) counter.now -= 1;
      open = false;
    };
    const counted = new Proxy(handler, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (key === 'onResponseEnd' || key === 'onResponseError' || key === 'onComplete' || key === 'onError') {
          return (...args: unknown[]) => {
            finish();
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    return dispatch(options, counted);
  };
  return { counter, interceptor };
}

const lookups = (stack: Stack) => stack.simulator.calls.filter((c) => /^\/v2\/interchanges\/\d+$/.test(c.path));

describe('the federation subgraph', () => {
  let stack: Stack;
  const { counter, interceptor } = inFlightCounter();

  beforeAll(async () => {
    stack = await startStack({ dispatcher: new Agent({ connections: 64 }).compose(interceptor) });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.simulator.resetCalls();
    stack.simulator.latencyMs = 0;
    counter.max = 0;
  });

  it('_service { sdl } is subgraph.graphql: Interchange is an entity keyed on interchangeId, PageInfo is shareable', async () => {
    const { body } = await request(stack.app, ServiceDocument);
    const sdl = body.data?._service.sdl ?? '';
    expect(sdl).toBe(readFileSync('subgraph.graphql', 'utf8'));
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \[[^\]]*"@key"[^\]]*\]\)/);
    expect(sdl).toMatch(/type Interchange implements Node\s+@key\(fields: "interchangeId"\)\s*\{/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable\s*\{/);
    expect(sdl).not.toContain('_entities');
    expect(stack.simulator.calls).toHaveLength(0);
  });

  it('_entities for 100 representations: one upstream call per distinct id, bounded, in order, null for absent ones', async () => {
    const own = stack.simulator.list(1001, 'inbox').slice(0, 30).map((r) => Number(r['interchangeId']));
    const visible = new Set([...stack.simulator.list(1001, 'inbox'), ...stack.simulator.list(1001, 'outbox')].map((r) => Number(r['interchangeId'])));
    const othersOnly = stack.simulator
      .list(1002, 'inbox')
      .map((r) => Number(r['interchangeId']))
      .filter((id) => !visible.has(id))
      .slice(0, 3);
    const absent = [1, 2, 9_007_199_254_740_991];
    expect(othersOnly).toHaveLength(3);
    const distinct = [...own, ...othersOnly, ...absent];

    // 100 representations, every distinct id at least twice, as JSON numbers and numeric strings.
    const ids = Array.from({ length: 100 }, (_, i) => distinct[(i * 7) % distinct.length]!);
    const representations = ids.map((id, i) => ({ __typename: 'Interchange', interchangeId: i % 3 === 0 ? String(id) : id }));
    stack.simulator.latencyMs = 5;

    const { body } = await request(stack.app, EntitiesDocument, { variables: { representations }, headers: ACME });

    expect(body.errors).toBeUndefined();
    const entities = body.data?._entities ?? [];
    expect(entities).toHaveLength(100);
    entities.forEach((entity, i) => {
      const id = ids[i]!;
      if (own.includes(id)) {
        expect(entity).toMatchObject({ __typename: 'Interchange', interchangeId: id, id: Buffer.from(`Interchange:${id}`).toString('base64') });
      } else {
        expect(entity, `representation ${i} (${id})`).toBeNull();
      }
    });
    const calls = lookups(stack);
    expect(calls).toHaveLength(distinct.length);
    expect(new Set(calls.map((c) => c.path))).toEqual(new Set(distinct.map((id) => `/v2/interchanges/${id}`)));
    expect(calls.every((c) => c.apiKey === ACME['x-api-key'])).toBe(true);
    expect(counter.max).toBe(INTERCHANGE_LOOKUP_CONCURRENCY);
  });

  it('an unusable representation fails alone with BAD_USER_INPUT and costs no upstream call', async () => {
    const [first] = stack.simulator.list(1001, 'inbox');
    const id = Number(first!['interchangeId']);
    const representations = [
      { __typename: 'Interchange', interchangeId: id },
      { __typename: 'Interchange', interchangeId: 'INT-17' },
      { __typename: 'Interchange', interchangeId: 0 },
      { __typename: 'Interchange', interchangeId: 2 ** 53 },
      { __typename: 'Interchange' },
    ];
    const { body } = await request(stack.app, EntitiesDocument, { variables: { representations }, headers: ACME });

    expect(body.data?._entities).toEqual([expect.objectContaining({ interchangeId: id }), null, null, null, null]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['_entities', 1], 'BAD_USER_INPUT'],
      [['_entities', 2], 'BAD_USER_INPUT'],
      [['_entities', 3], 'BAD_USER_INPUT'],
      [['_entities', 4], 'BAD_USER_INPUT'],
    ]);
    expect(lookups(stack).map((c) => c.path)).toEqual([`/v2/interchanges/${id}`]);
  });

  it('_entities without a credential: UNAUTHENTICATED, no upstream call', async () => {
    const { body } = await request(stack.app, EntitiesDocument, {
      variables: { representations: [{ __typename: 'Interchange', interchangeId: 98700001 }] },
    });
    expect(body.data?._entities).toEqual([null]);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(stack.simulator.calls).toHaveLength(0);
  });

  it('_entities with more representations than MAX_ENTITY_REPRESENTATIONS: BAD_USER_INPUT, no upstream call, whatever the call budget', async () => {
    const representations = Array.from({ length: MAX_ENTITY_REPRESENTATIONS + 1 }, (_, i) => ({ __typename: 'Interchange', interchangeId: 98_700_001 + i }));
    const generous = appBefore(stack, { config: { MAX_UPSTREAM_CALLS: 10_000 } });
    const { body } = await request(generous, EntitiesDocument, { variables: { representations }, headers: ACME });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(stack.simulator.calls).toHaveLength(0);
  });
});
