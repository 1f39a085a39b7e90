import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.js';
import { endpointLabel, originLabel, prometheusUpstreamObserver } from '../../src/observability/upstream-metrics.js';
import { ACME, gql, mockUpstream, recorder, startStack, type Stack, parseMetrics } from '../helpers/index.js';

/** The samples of a Prometheus text exposition: `name{labels}` -> value. */
const parse = parseMetrics;

async function scrape(stack: { app: Stack['app'] }): Promise<{ text: string; samples: Map<string, number> }> {
  const response = await stack.app.fetch('http://localhost/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  return { text, samples: parse(text) };
}

describe('GET /metrics', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ config: { ECGRID_ATTEMPT_TIMEOUT_MS: 300, ECGRID_TIMEOUT_MS: 600 } });
  });
  afterAll(() => stack.close());

  it('counts GraphQL operations by type and name, with duration histograms', async () => {
    for (let i = 0; i < 3; i++) await gql(stack.app, 'query Inbox { inbox(first: 1) { totalCount } }', { headers: ACME });
    await gql(stack.app, '{ mailboxStats { sent } }', { headers: ACME });
    const { samples } = await scrape(stack);
    expect(samples.get('graphql_envelop_request{operationType="query",operationName="Inbox"}')).toBe(3);
    expect(samples.get('graphql_envelop_request{operationType="query",operationName="Anonymous"}')).toBe(1);
    expect(samples.get('graphql_envelop_request_duration_count{operationType="query",operationName="Inbox"}')).toBe(3);
    expect(samples.get('graphql_yoga_http_duration_count{operationType="query",operationName="Inbox",method="POST",statusCode="200"}')).toBe(3);
    expect([...samples.keys()].some((key) => key.startsWith('graphql_envelop_phase_'))).toBe(false);
  });

  it('counts parse and validation failures by phase, and times only GraphQL requests over HTTP', async () => {
    const before = (await scrape(stack)).samples;
    await gql(stack.app, '{ mailboxStats { sent ', { headers: ACME });
    await gql(stack.app, 'query Bad { mailboxStats { nope } }', { headers: ACME });
    await stack.app.fetch('http://localhost/health');
    const { samples } = await scrape(stack);
    const delta = (key: string) => (samples.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(delta('graphql_envelop_error_result{operationType="unknown",operationName="unknown",phase="parse",code="GRAPHQL_PARSE_FAILED"}')).toBe(1);
    expect(delta('graphql_envelop_error_result{operationType="query",operationName="Bad",phase="validate",code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(delta('graphql_envelop_request{operationType="query",operationName="Bad"}')).toBe(0);
    expect(delta('graphql_yoga_http_duration_count{operationType="query",operationName="Bad",method="POST",statusCode="400"}')).toBe(1);
    const timed = [...samples.keys()].filter((key) => key.startsWith('graphql_yoga_http_duration_count'));
    expect(timed.every((key) => !key.includes('unknown'))).toBe(true);
  });

  it('counts upstream calls per route and status class, exactly as the simulator saw them', async () => {
    const before = (await scrape(stack)).samples;
    stack.simulator.resetCalls();
    const ids = stack.simulator.list(1001, 'inbox').slice(0, 3).map((row) => Number(row['interchangeId']));
    await gql(stack.app, 'query ($a: SafeInt!, $b: SafeInt!, $c: SafeInt!) { a: interchange(interchangeId: $a) { status } b: interchange(interchangeId: $b) { status } c: interchange(interchangeId: $c) { status } }', {
      variables: { a: ids[0], b: ids[1], c: ids[2] },
      headers: ACME,
    });
    const byId = stack.simulator.calls.filter((call) => /^\/v2\/interchanges\/\d+$/.test(call.path)).length;
    expect(byId).toBe(3);
    const after = (await scrape(stack)).samples;
    const key = 'ecgrid_upstream_calls_total{endpoint="/v2/interchanges/{id}",status_class="2xx"}';
    expect((after.get(key) ?? 0) - (before.get(key) ?? 0)).toBe(3);
    const histogram = 'ecgrid_upstream_call_duration_seconds_count{endpoint="/v2/interchanges/{id}",status_class="2xx"}';
    expect((after.get(histogram) ?? 0) - (before.get(histogram) ?? 0)).toBe(3);
  });

  it('classes upstream failures (5xx, 4xx, timeout, network) after retries, counts the retries, and error results by code', async () => {
    const sim = stack.simulator;
    const before = (await scrape(stack)).samples;
    const failWith = async (fault: Parameters<typeof sim.faults.add>[0]['fault']) => {
      sim.faults.add({ path: '/v2/reports', fault });
      try {
        await gql(stack.app, 'query S { mailboxStats { sent } }', { headers: ACME });
      } finally {
        sim.faults.clear();
      }
    };
    sim.resetCalls();
    await failWith({ kind: 'status', status: 503 });
    const attempts = sim.callCount;
    await failWith({ kind: 'status', status: 403 });
    await failWith({ kind: 'hang' });
    await failWith({ kind: 'reset' });
    const { samples } = await scrape(stack);
    const delta = (key: string) => (samples.get(key) ?? 0) - (before.get(key) ?? 0);
    const calls = (statusClass: string) =>
      delta(`ecgrid_upstream_calls_total{endpoint="/v2/reports/mailbox-interchange-stats",status_class="${statusClass}"}`);
    expect(calls('5xx')).toBe(1);
    expect(calls('4xx')).toBe(1);
    expect(calls('timeout')).toBe(1);
    expect(calls('network')).toBe(1);
    // One call, several attempts: the extra attempts are the retries.
    expect(attempts).toBeGreaterThan(1);
    expect(delta('ecgrid_upstream_retries_total{endpoint="/v2/reports/mailbox-interchange-stats"}')).toBeGreaterThanOrEqual(attempts - 1);
    const errors = (code: string) => delta(`graphql_envelop_error_result{operationType="query",operationName="S",phase="execute",code="${code}"}`);
    expect(errors('UPSTREAM_UNAVAILABLE')).toBe(3);
    expect(errors('FORBIDDEN')).toBe(1);
  });

  it('shows the circuit breaker opening for the ECGrid origin', async () => {
    const breaking = await startStack({ config: { ECGRID_MAX_RETRIES: 0, ECGRID_BREAKER_FAILURES: 2, ECGRID_BREAKER_COOLDOWN_MS: 60_000 } });
    try {
      const origin = new URL(breaking.simulator.url).origin;
      const state = async (name: string) => (await scrape(breaking)).samples.get(`ecgrid_upstream_breaker_state{origin="${origin}",state="${name}"}`);
      expect(await state('closed')).toBe(1);
      breaking.simulator.faults.add({ path: '/v2/reports', fault: { kind: 'status', status: 503 } });
      for (let i = 0; i < 3; i++) await gql(breaking.app, '{ mailboxStats { sent } }', { headers: ACME });
      expect(await state('open')).toBe(1);
      expect(await state('closed')).toBe(0);
      const { samples } = await scrape(breaking);
      expect(samples.get('ecgrid_upstream_calls_total{endpoint="/v2/reports/mailbox-interchange-stats",status_class="circuit_open"}')).toBe(1);
    } finally {
      breaking.simulator.faults.clear();
      await breaking.close();
    }
  });

  it('does not count a call refused for want of a credential (nothing was sent)', async () => {
    const { app } = mockUpstream();
    await gql(app, '{ mailboxStats { sent } }');
    const text = await (await app.fetch('http://localhost/metrics')).text();
    expect(text).not.toMatch(/^ecgrid_upstream_calls_total\{/m);
    expect(text).toMatch(/^graphql_envelop_error_result\{.*code="UNAUTHENTICATED"\} 1$/m);
  });
});

describe('metric labels stay bounded and carry no credential or variable', () => {
  it('never labels with credentials, variables, headers, query strings or undeclared operation names', async () => {
    const { app, pool, requests } = mockUpstream();
    pool
      .intercept({ path: '/v2/reports/mailbox-interchange-stats', method: 'GET' })
      .reply(recorder(requests, 401, { success: false, data: null, errorCode: 'InvalidAPIKey', message: 'key secret-key-31337 revoked' }))
      .persist();
    pool
      .intercept({ path: '/v2/interchanges/inbox-list', method: 'POST' })
      .reply(recorder(requests, 200, { success: true, data: { totalRecords: 0, interchanges: [] } }))
      .persist();
    const query = 'query Stats($first: Int, $filter: InterchangeFilter) { mailboxStats { sent } inbox(first: $first, filter: $filter) { totalCount } }';
    await gql(app, query, {
      variables: { first: 1, filter: { beginDate: '2026-01-01T00:00:00Z' }, note: 'variable-marker-4242' },
      headers: { 'x-api-key': 'secret-key-31337', 'x-request-id': 'request-marker-77' },
    });
    // An operation name that is no operation of the document, and one that is the credential.
    await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret-jwt-8080' },
      body: JSON.stringify({ query, operationName: 'secret-jwt-8080', variables: { first: 2 } }),
    });
    await app.fetch(`http://localhost/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"first":3,"x":"get-marker-5151"}')}`, {
      headers: { accept: 'application/json', 'x-api-key': 'secret-key-31337' },
    });
    expect(requests.length).toBeGreaterThan(0);
    const text = await (await app.fetch('http://localhost/metrics')).text();
    expect(text).toMatch(/graphql_envelop_request\{operationType="query",operationName="Stats"\} 2/);
    expect(text).toMatch(/ecgrid_upstream_calls_total\{endpoint="\/v2\/reports\/mailbox-interchange-stats",status_class="4xx"\}/);
    for (const secret of ['secret-key-31337', 'secret-jwt-8080', 'variable-marker-4242', 'request-marker-77', 'get-marker-5151', '2026-01-01']) {
      expect(text).not.toContain(secret);
    }
  });

  it('stops adding operation names after 200: the rest count as "other"', async () => {
    const { app, pool } = mockUpstream();
    pool.intercept({ path: '/v2/reports/mailbox-interchange-stats', method: 'GET' }).reply(200, { success: true, data: { sent: 1 } }).persist();
    for (let i = 0; i < 230; i++) await gql(app, `query Op${i} { __typename }`, { headers: ACME });
    const samples = parse(await (await app.fetch('http://localhost/metrics')).text());
    const names = [...samples.keys()].filter((key) => key.startsWith('graphql_envelop_request{'));
    expect(names).toHaveLength(201);
    expect(samples.get('graphql_envelop_request{operationType="query",operationName="other"}')).toBe(30);
  });
});

describe('the upstream observer (for retries, breaker, coalescing and cache)', () => {
  it('reduces paths to routes and origins to scheme://host:port', () => {
    expect(endpointLabel('/v2/interchanges/98712871')).toBe('/v2/interchanges/{id}');
    expect(endpointLabel('/prefix/v2/interchanges/98712871?pageNo=1#x')).toBe('/v2/interchanges/{id}');
    expect(endpointLabel('/v2/interchanges/inbox-list')).toBe('/v2/interchanges/inbox-list');
    expect(endpointLabel('/v2/interchanges/demo-key-acme')).toBe('other');
    expect(endpointLabel('/v2/reports/mailbox-interchange-stats/')).toBe('/v2/reports/mailbox-interchange-stats');
    expect(endpointLabel('/elsewhere')).toBe('other');
    expect(originLabel('https://user:secret-pass@rest.ecgrid.io/v2?key=1')).toBe('https://rest.ecgrid.io');
    expect(originLabel('not a url')).toBe('other');
  });

  it('writes retries, coalesced calls, cache lookups and breaker state, labelled by the descriptor route', async () => {
    const registry = new Registry();
    const observer = prometheusUpstreamObserver(registry);
    observer.retry('/v2/interchanges/inbox-list');
    observer.retry('/v2/interchanges/inbox-list');
    observer.coalesced('/v2/interchanges/{id}');
    observer.cacheLookup('/v2/reports/mailbox-interchange-stats', true);
    observer.cacheLookup('/v2/reports/mailbox-interchange-stats', false);
    observer.breakerState('https://rest.ecgrid.io', 'open');
    observer.breakerState('https://rest.ecgrid.io', 'half-open');
    observer.call('/v2/auth/version', '2xx', 12);
    const samples = parse(await registry.metrics());
    expect(samples.get('ecgrid_upstream_retries_total{endpoint="/v2/interchanges/inbox-list"}')).toBe(2);
    expect(samples.get('ecgrid_upstream_coalesced_total{endpoint="/v2/interchanges/{id}"}')).toBe(1);
    expect(samples.get('ecgrid_upstream_cache_lookups_total{endpoint="/v2/reports/mailbox-interchange-stats",result="hit"}')).toBe(1);
    expect(samples.get('ecgrid_upstream_cache_lookups_total{endpoint="/v2/reports/mailbox-interchange-stats",result="miss"}')).toBe(1);
    expect(samples.get('ecgrid_upstream_breaker_state{origin="https://rest.ecgrid.io",state="half-open"}')).toBe(1);
    expect(samples.get('ecgrid_upstream_breaker_state{origin="https://rest.ecgrid.io",state="open"}')).toBe(0);
    expect(samples.get('ecgrid_upstream_breaker_state{origin="https://rest.ecgrid.io",state="closed"}')).toBe(0);
    expect(samples.get('ecgrid_upstream_call_duration_seconds_sum{endpoint="/v2/auth/version",status_class="2xx"}')).toBeCloseTo(0.012);
  });

  it('is what the app serves: an observer given to createApp shows up at /metrics', async () => {
    const metrics = createMetrics();
    const { app } = mockUpstream({ app: { metrics } });
    metrics.upstream.retry('/v2/interchanges/outbox-list');
    const text = await (await app.fetch('http://localhost/metrics')).text();
    expect(text).toContain('ecgrid_upstream_retries_total{endpoint="/v2/interchanges/outbox-list"} 1');
  });

  it('collects process metrics when asked (main does)', async () => {
    const metrics = createMetrics({ processMetrics: true });
    expect(await metrics.registry.metrics()).toContain('process_cpu_user_seconds_total');
    expect(await createMetrics().registry.metrics()).not.toContain('process_cpu_user_seconds_total');
  });
});
