/**
 * Links from rows (Interchange.parcel, Parcel.from, manifests): batched and deduplicated per
 * request, run in parallel, and counted against MAX_UPSTREAM_CALLS as they are made.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UpstreamCallEvent } from '../../src/upstream/client.js';
import { ACME, appBefore, gql, startStack, type Stack } from '../helpers/index.js';

const PAGE = '{ inbox(first: 100) { edges { node { interchangeId parcelId parcel { parcelId fileName from { ecGridId description } } } } } }';

describe('links from a page of interchanges', () => {
  let stack: Stack;
  const calls: { route: string; start: number; end: number }[] = [];
  beforeAll(async () => {
    // Some latency, so that calls in flight together are seen to overlap.
    stack = await startStack({
      simulator: { latencyMs: 15 },
      config: { MAX_UPSTREAM_CALLS: 1000 },
      hooks: {
        onCall: (event: UpstreamCallEvent) => {
          const end = performance.now();
          calls.push({ route: event.endpoint, start: end - event.durationMs, end });
        },
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.simulator.resetCalls();
    calls.length = 0;
  });

  it('100 rows asking parcel { fileName from { description } }: 1 list call + one per distinct parcel + one per distinct partner, in parallel', async () => {
    const rows = stack.simulator.list(1001, 'inbox').slice(0, 100);
    const parcelIds = [...new Set(rows.map((row) => Number(row['parcelId'])))];
    const parcels = new Map(parcelIds.map((id) => [id, stack.simulator.parcel(id, 1001)!]));
    const partnerIds = [...new Set([...parcels.values()].map((parcel) => Number(parcel['ecGridIdFrom'])))];
    expect(parcelIds.length).toBeLessThan(100);
    expect(parcelIds.length).toBeGreaterThan(5);

    const { body } = await gql(stack.app, PAGE, { headers: ACME });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['inbox'].edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      rows.map((row) => {
        const parcel = parcels.get(Number(row['parcelId']))!;
        const partner = stack.simulator.partner(Number(parcel['ecGridIdFrom']))!;
        return {
          interchangeId: row['interchangeId'],
          parcelId: row['parcelId'],
          parcel: { parcelId: parcel['parcelId'], fileName: parcel['fileName'], from: { ecGridId: partner['ecGridId'], description: partner['description'] } },
        };
      }),
    );
    const paths = stack.simulator.calls.map((call) => call.path);
    expect(paths.filter((path) => path === '/v2/interchanges/inbox-list')).toHaveLength(1);
    expect(paths.filter((path) => /^\/v2\/parcels\/\d+$/.test(path)).sort()).toEqual(parcelIds.map((id) => `/v2/parcels/${id}`).sort());
    expect(paths.filter((path) => path.startsWith('/v2/ids/')).sort()).toEqual(partnerIds.map((id) => `/v2/ids/${id}`).sort());
    expect(paths).toHaveLength(1 + parcelIds.length + partnerIds.length);

    // In parallel: most parcel calls were in flight at the same time, not one after another.
    const parcelCalls = calls.filter((call) => call.route === '/v2/parcels/{id}');
    const mostAtOnce = Math.max(...parcelCalls.map((call) => parcelCalls.filter((other) => other.start < call.end && other.end > call.start).length));
    expect(mostAtOnce).toBeGreaterThanOrEqual(Math.min(parcelIds.length, 16));
  });

  it('past a small MAX_UPSTREAM_CALLS the rows all stand; only links past the budget fail, each at its own path', async () => {
    const app = appBefore(stack, { config: { MAX_UPSTREAM_CALLS: 10 } });
    const rows = stack.simulator.list(1001, 'inbox').slice(0, 100);
    const { body } = await gql(app, '{ inbox(first: 100) { edges { node { interchangeId parcel { parcelId fileName } } } } }', { headers: ACME });
    const nodes = body.data?.['inbox'].edges.map((edge: { node: any }) => edge.node);
    expect(nodes.map((node: { interchangeId: number }) => node.interchangeId)).toEqual(rows.map((row) => row['interchangeId']));
    const failed = new Set((body.errors ?? []).map((error) => error.path?.[2]));
    for (const error of body.errors ?? []) {
      expect(error.extensions?.['code']).toBe('UPSTREAM_CALL_BUDGET_EXCEEDED');
      expect(error.path).toEqual(['inbox', 'edges', error.path?.[2], 'node', 'parcel']);
    }
    nodes.forEach((node: { parcel: unknown }, i: number) => {
      const parcel = stack.simulator.parcel(Number(rows[i]!['parcelId']), 1001)!;
      expect(node.parcel).toEqual(failed.has(i) ? null : { parcelId: parcel['parcelId'], fileName: parcel['fileName'] });
    });
    // The list and nine distinct parcels were asked for; every other distinct parcel failed unsent.
    const answered = new Set(nodes.filter((node: { parcel: unknown }) => node.parcel !== null).map((node: { parcel: { parcelId: number } }) => node.parcel.parcelId));
    expect(answered.size).toBe(9);
    expect(failed.size).toBeGreaterThan(0);
    expect(stack.simulator.callCount).toBe(10);
  });

  it('Interchange.manifest and Parcel.manifest (with its interchanges) equal the simulator\'s', async () => {
    const row = stack.simulator.list(1001, 'inbox')[0]!;
    const interchangeId = Number(row['interchangeId']);
    const parcelId = Number(row['parcelId']);
    const { body } = await gql(
      stack.app,
      `{ interchange(interchangeId: ${interchangeId}) {
          manifest { functionalGroup transactionSetType transactionSetCount groupControlNumber }
          parcel { manifest { interchangeId sender receiver documentType count interchange { interchangeId documentType } } } } }`,
      { headers: ACME },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['interchange'].manifest).toEqual(stack.simulator.interchangeManifest(interchangeId));
    const entries = stack.simulator.parcelManifest(parcelId)!;
    expect(entries.length).toBeGreaterThan(0);
    expect(body.data?.['interchange'].parcel.manifest).toEqual(
      entries.map((entry) => ({ ...entry, interchange: { interchangeId: entry['interchangeId'], documentType: entry['documentType'] } })),
    );
  });
});
