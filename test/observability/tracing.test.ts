import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from '../../src/observability/tracing.js';
import { ACME, gql, startStack, type Stack } from '../helpers/index.js';
import { startServer } from '../helpers/server-process.js';

const QUERY = 'query Inbox($first: Int) { mailboxStats { sent } inbox(first: $first) { totalCount edges { node { interchangeId sender status created } } } }';

describe('OpenTelemetry tracing (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let stack: Stack;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'ecgrid-graphql-test', exporter, immediate: true });
    stack = await startStack({ app: { tracer: tracing.tracer } });
  });
  afterAll(async () => {
    await stack.close();
    await tracing.shutdown();
  });
  beforeEach(() => {
    exporter.reset();
    stack.simulator.resetCalls();
  });

  const spans = () => exporter.getFinishedSpans();
  const operationSpans = () => spans().filter((span) => span.kind === SpanKind.SERVER);
  const upstreamSpans = () => spans().filter((span) => span.kind === SpanKind.CLIENT);

  it('makes one span per operation and one per upstream call, children of it, and no resolver spans', async () => {
    const { body } = await gql(stack.app, QUERY, { variables: { first: 20 }, headers: ACME });
    expect(body.errors).toBeUndefined();
    expect(stack.simulator.callCount).toBe(2);

    const [operation, ...others] = operationSpans();
    expect(others).toHaveLength(0);
    expect(operation!.name).toBe('query Inbox');
    expect(operation!.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Inbox' });
    expect(operation!.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(operation!.resource.attributes['service.name']).toBe('ecgrid-graphql-test');

    const upstream = upstreamSpans();
    expect(upstream).toHaveLength(2);
    const context = operation!.spanContext();
    for (const span of upstream) {
      expect(span.spanContext().traceId).toBe(context.traceId);
      expect(span.parentSpanContext?.spanId).toBe(context.spanId);
      expect(span.attributes['http.response.status_code']).toBe(200);
    }
    expect(upstream.map((span) => span.attributes['ecgrid.endpoint']).sort()).toEqual([
      '/v2/interchanges/inbox-list',
      '/v2/reports/mailbox-interchange-stats',
    ]);
    // 20 interchanges x 4 fields resolved: still exactly 3 spans.
    expect(spans()).toHaveLength(3);
  });

  it("continues the caller's trace and passes it on to ECGrid (W3C traceparent)", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await gql(stack.app, '{ mailboxStats { sent } }', { headers: { ...ACME, traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    const [operation] = operationSpans();
    expect(operation!.spanContext().traceId).toBe(traceId);
    expect(operation!.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    const [upstream] = upstreamSpans();
    const sent = stack.simulator.calls[0]?.traceparent;
    expect(sent).toBe(`00-${traceId}-${upstream!.spanContext().spanId}-01`);
  });

  it('marks a failed operation with its error codes', async () => {
    stack.simulator.faults.add({ path: '/v2/reports', times: 1, fault: { kind: 'status', status: 403 } });
    await gql(stack.app, 'query Stats { mailboxStats { sent } }', { headers: ACME });
    const [operation] = operationSpans();
    expect(operation!.status.code).toBe(SpanStatusCode.ERROR);
    expect(operation!.attributes['graphql.error.codes']).toEqual(['FORBIDDEN']);
    expect(upstreamSpans()[0]!.attributes['http.response.status_code']).toBe(403);
  });

  it('puts no credential, variable or document into any span', async () => {
    await gql(stack.app, QUERY, { variables: { first: 1, note: 'variable-marker-99' }, headers: { 'x-api-key': 'demo-key-globex' } });
    await gql(stack.app, QUERY, { variables: { first: 1 }, headers: { authorization: 'Bearer demo-jwt-initech' } });
    await gql(stack.app, '{ mailboxStats { sent } }', { headers: { 'x-api-key': 'unknown-key-424242' } });
    expect(spans().length).toBeGreaterThanOrEqual(8);
    const dump = JSON.stringify(spans().map(describeSpan));
    for (const secret of ['demo-key-globex', 'demo-jwt-initech', 'unknown-key-424242', 'variable-marker-99', 'mailboxStats {']) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).toContain('query Inbox');
  });

  it('traces nothing for an app given no tracer', async () => {
    const untraced = await startStack();
    try {
      await gql(untraced.app, '{ mailboxStats { sent } }', { headers: ACME });
      expect(untraced.simulator.calls[0]?.traceparent).toBeUndefined();
      expect(operationSpans()).toHaveLength(0);
      expect(upstreamSpans()).toHaveLength(0);
    } finally {
      await untraced.close();
    }
  });
});

describe('tracing in the real process', () => {
  it('is off without an OTLP endpoint, and exports spans over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    const received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
    const collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;

    const untraced = await startServer();
    expect(untraced.lines.some((line) => String(line['msg']).includes('tracing on'))).toBe(false);
    untraced.child.kill('SIGTERM');
    await untraced.exited;

    const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'ecgrid-otlp-test' });
    try {
      expect(server.lines.some((line) => String(line['msg']).includes('tracing on'))).toBe(true);
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'demo-key-acme' },
        body: JSON.stringify({ query: 'query MailboxStats { mailboxStats { sent } }' }),
      });
      expect(response.status).toBe(200);
      server.child.kill('SIGTERM'); // shutdown flushes the batch
      expect((await server.exited).code).toBe(0);
    } finally {
      await server.stop();
      collector.close();
    }
    const traces = received.filter((request) => request.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    expect(traces[0]!.headers['content-type']).toBe('application/x-protobuf');
    const body = Buffer.concat(traces.map((request) => request.body)).toString('latin1');
    expect(body).toContain('query MailboxStats');
    expect(body).toContain('ecgrid-otlp-test');
    expect(body).toContain('/v2/reports/mailbox-interchange-stats');
    expect(body).not.toContain('demo-key-acme');
  });
});

function describeSpan(span: ReadableSpan) {
  return {
    name: span.name,
    attributes: span.attributes,
    events: span.events,
    status: span.status,
    links: span.links,
    resource: span.resource.attributes,
  };
}
