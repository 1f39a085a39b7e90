/** A new ECGrid endpoint is a descriptor alone: the client, retries, sharing and metrics treat it by its kind. */
import { describe, expect, it } from 'vitest';
import { readEndpoint, writeEndpoint } from '../../src/upstream/endpoints/endpoint.js';
import { EcgridBadResponseError, EcgridUnavailableError } from '../../src/upstream/errors.js';
import { isObject } from '../../src/upstream/records/values.js';
import { UpstreamSharing } from '../../src/upstream/sharing/sharing.js';
import { mockUpstream, recorder, scrapeMetrics } from '../helpers/index.js';

// Throwaway endpoints that exist nowhere but here.
const gadgetById = readEndpoint<number, { gadgetId: number; name: string } | null>({
  name: 'gadgetById',
  method: 'GET',
  route: '/v2/gadgets/{id}',
  path: (id) => `/v2/gadgets/${id}`,
  read: (data) => {
    if (!isObject(data) || typeof data['gadgetId'] !== 'number' || typeof data['name'] !== 'string') {
      throw new EcgridBadResponseError('gadgets/{id}: not a gadget');
    }
    return { gadgetId: data['gadgetId'], name: data['name'] };
  },
  notFound: { value: null },
  cache: 'interchange',
});
const polishGadget = writeEndpoint<{ gadgetId: number }, { polished: boolean }>({
  name: 'polishGadget',
  method: 'POST',
  route: '/v2/gadgets/polish',
  path: () => '/v2/gadgets/polish',
  body: ({ gadgetId }) => ({ gadgetId }),
  read: (data) => ({ polished: isObject(data) && data['polished'] === true }),
});

const KEY = { kind: 'apiKey', value: 'demo-key-gadgets' } as const;
const ok = (data: unknown) => ({ success: true, data, errorCode: null, message: null });
const unavailable = { success: false, data: null, errorCode: 'InternalError', message: 'down' };

function gadgets() {
  return mockUpstream({ config: { ECGRID_RETRY_BASE_MS: 1 }, app: { sharing: new UpstreamSharing({ coalesce: true }) } });
}

describe('an endpoint added through a descriptor alone', () => {
  it('a read: sent with the credential, retried after a 5xx, shared by identical calls in flight, labelled by its route', async () => {
    const { app, pool, requests } = gadgets();
    pool.intercept({ path: '/v2/gadgets/7', method: 'GET' }).reply(recorder(requests, 503, unavailable));
    pool.intercept({ path: '/v2/gadgets/7', method: 'GET' }).reply(recorder(requests, 200, ok({ gadgetId: 7, name: 'sprocket' })));
    pool.intercept({ path: '/v2/gadgets/8', method: 'GET' }).reply(recorder(requests, 404, { success: false, data: null, errorCode: 'ObjectNotFound', message: 'no' }));
    const api = app.ecgrid.forCaller(KEY);

    const answers = await Promise.all([api.call(gadgetById, 7), api.call(gadgetById, 7), app.ecgrid.forCaller(KEY).call(gadgetById, 7)]);
    expect(answers).toEqual([{ gadgetId: 7, name: 'sprocket' }, { gadgetId: 7, name: 'sprocket' }, { gadgetId: 7, name: 'sprocket' }]);
    expect(await api.call(gadgetById, 8)).toBeNull();

    expect(requests.map((r) => `${r.method} ${r.path} ${r.headers['x-api-key']}`)).toEqual([
      'GET /v2/gadgets/7 demo-key-gadgets',
      'GET /v2/gadgets/7 demo-key-gadgets',
      'GET /v2/gadgets/8 demo-key-gadgets',
    ]);
    const samples = await scrapeMetrics(app);
    expect(samples.get('ecgrid_upstream_retries_total{endpoint="/v2/gadgets/{id}"}')).toBe(1);
    expect(samples.get('ecgrid_upstream_coalesced_total{endpoint="/v2/gadgets/{id}"}')).toBe(2);
    expect(samples.get('ecgrid_upstream_calls_total{endpoint="/v2/gadgets/{id}",status_class="2xx"}')).toBe(1);
    expect(samples.get('ecgrid_upstream_calls_total{endpoint="/v2/gadgets/{id}",status_class="4xx"}')).toBe(1);
  });

  it('a write: sent once with its JSON body, never retried after a 5xx, never shared with an identical write', async () => {
    const { app, pool, requests } = gadgets();
    pool.intercept({ path: '/v2/gadgets/polish', method: 'POST' }).reply(recorder(requests, 503, unavailable)).times(2);
    pool.intercept({ path: '/v2/gadgets/polish', method: 'POST' }).reply(recorder(requests, 200, ok({ polished: true })));
    const api = app.ecgrid.forCaller(KEY);

    const failed = await Promise.allSettled([api.call(polishGadget, { gadgetId: 7 }), api.call(polishGadget, { gadgetId: 7 })]);
    for (const result of failed) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(EcgridUnavailableError);
    }
    expect(await api.call(polishGadget, { gadgetId: 7 })).toEqual({ polished: true });

    expect(requests.map((r) => `${r.method} ${r.path} ${r.headers['content-type']} ${JSON.stringify(r.body)}`)).toEqual(
      Array.from({ length: 3 }, () => 'POST /v2/gadgets/polish application/json {"gadgetId":7}'),
    );
    const samples = await scrapeMetrics(app);
    expect(samples.get('ecgrid_upstream_retries_total{endpoint="/v2/gadgets/polish"}')).toBeUndefined();
    expect(samples.get('ecgrid_upstream_coalesced_total{endpoint="/v2/gadgets/polish"}')).toBeUndefined();
    expect(samples.get('ecgrid_upstream_calls_total{endpoint="/v2/gadgets/polish",status_class="5xx"}')).toBe(2);
    expect(samples.get('ecgrid_upstream_calls_total{endpoint="/v2/gadgets/polish",status_class="2xx"}')).toBe(1);
  });

  it('a request without a usable credential: every kind of call fails unsent', async () => {
    const { app, requests } = gadgets();
    const api = app.ecgrid.forCaller(undefined);
    await expect(api.call(gadgetById, 7)).rejects.toMatchObject({ code: 'NO_CREDENTIAL' });
    await expect(api.call(polishGadget, { gadgetId: 7 })).rejects.toMatchObject({ code: 'NO_CREDENTIAL' });
    expect(requests).toEqual([]);
  });
});
