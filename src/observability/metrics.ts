/** Prometheus metrics of GraphQL operations and HTTP requests, served at GET /metrics. */
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { clientErrorCode } from '../graphql/errors.js';
import { operationOf } from '../graphql/operation.js';
import { prometheusUpstreamObserver, type UpstreamObserver } from './upstream-metrics.js';
import { requestSlot } from './request-slot.js';
import { serverOverheadMs } from './request-log.js';
import { serverOverheadHistogram } from './server-overhead.js';

/** The server's Prometheus registry and the upstream observer that writes into it. */
export interface Metrics {
  readonly registry: Registry;
  readonly upstream: UpstreamObserver;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return { registry, upstream: prometheusUpstreamObserver(registry) };
}

/**
 * Operation names are chosen by clients: past this many distinct names, new ones are counted as
 * `other`, so a client cannot grow the label set without bound.
 */
const MAX_OPERATION_NAMES = 200;

class OperationNames {
  readonly #seen = new Set<string>();
  label(name: string): string {
    if (this.#seen.has(name)) return name;
    if (this.#seen.size >= MAX_OPERATION_NAMES) return 'other';
    this.#seen.add(name);
    return name;
  }
}

type OperationLabels = { readonly operationType: string; readonly operationName: string };

const UNKNOWN: OperationLabels = { operationType: 'unknown', operationName: 'unknown' };
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

/** What a request's metrics need between hooks: when it began, and its operation once parsed. */
interface Timing {
  readonly started: number;
  parsed?: number;
  labels?: OperationLabels;
}

/**
 * GraphQL metrics (`graphql_envelop_*`, `graphql_yoga_http_duration`, the names of
 * @graphql-yoga/plugin-prometheus), the server's own time per request without its ECGrid waits
 * (`ecgrid_graphql_server_overhead_seconds`), plus everything else in the registry, served at GET /metrics.
 * Written here rather than taken from that plugin: its generic label and hook machinery was about
 * several times this plugin's share of a small query's CPU (bench/README.md). Labels come only from the parsed
 * document (operation type and a declared operation name), the HTTP method and status, the phase
 * and the error code: never a variable, header, URL or message.
 */
export function useMetrics(metrics: Metrics): Plugin {
  const { registry } = metrics;
  const registers = [registry];
  const requests = new Counter({
    name: 'graphql_envelop_request',
    help: 'GraphQL operations executed',
    labelNames: ['operationType', 'operationName'],
    registers,
  });
  const duration = new Histogram({
    name: 'graphql_envelop_request_duration',
    help: 'Time from parse to the end of execution of a GraphQL operation, in seconds',
    labelNames: ['operationType', 'operationName'],
    buckets: DURATION_BUCKETS,
    registers,
  });
  const errors = new Counter({
    name: 'graphql_envelop_error_result',
    help: 'Errors in GraphQL results, by phase and error code',
    labelNames: ['operationType', 'operationName', 'phase', 'code'],
    registers,
  });
  const http = new Histogram({
    name: 'graphql_yoga_http_duration',
    help: 'Time to answer a GraphQL HTTP request, in seconds',
    labelNames: ['operationType', 'operationName', 'method', 'statusCode'],
    buckets: DURATION_BUCKETS,
    registers,
  });
  // Read from the request log's scope, which sees every upstream call of the request; observed
  // here so that it counts whatever the log level.
  const overhead = serverOverheadHistogram(registry);

  const names = new OperationNames();
  // Label objects are made once per operation of a cached document, not once per request.
  const labelsByOperation = new WeakMap<OperationDefinitionNode, OperationLabels>();
  const labelsOf = (document: DocumentNode, requested: unknown): OperationLabels => {
    const operation = operationOf(document, requested);
    if (!operation) return UNKNOWN;
    let labels = labelsByOperation.get(operation);
    if (labels === undefined) {
      labels = { operationType: operation.operation, operationName: operation.name ? names.label(operation.name.value) : 'Anonymous' };
      labelsByOperation.set(operation, labels);
    }
    return labels;
  };
  const timings = requestSlot<Timing>('ecgrid.metricsTiming');
  const timingOf = (context: unknown) => {
    const request = (context as { request?: Request } | undefined)?.request;
    return request ? timings.get(request) : undefined;
  };
  const countError = (labels: OperationLabels, phase: string, error: unknown) =>
    errors.inc({ operationType: labels.operationType, operationName: labels.operationName, phase, code: errorCodeOf(error, phase) });

  return {
    onPluginInit({ registerContextErrorHandler }) {
      registerContextErrorHandler(({ context, error }) => countError(timingOf(context)?.labels ?? UNKNOWN, 'context', error));
    },
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === '/metrics') {
        return registry.metrics().then((text) => endResponse(new fetchAPI.Response(text, { headers: { 'content-type': registry.contentType } })));
      }
      timings.set(request, { started: performance.now() });
      return undefined;
    },
    onParse({ context }) {
      const timing = timingOf(context);
      if (timing) timing.parsed = performance.now();
      return ({ result, context: parsedContext }) => {
        if (result instanceof Error) {
          countError(UNKNOWN, 'parse', result);
          return;
        }
        if (timing) timing.labels = labelsOf(result, (parsedContext as { params?: { operationName?: unknown } }).params?.operationName);
      };
    },
    onValidate({ context }) {
      return ({ valid, result }) => {
        if (!valid) countError(timingOf(context)?.labels ?? UNKNOWN, 'validate', result[0]);
      };
    },
    onExecute({ args }) {
      const timing = timingOf(args.contextValue);
      const labels = timing?.labels ?? labelsOf(args.document, args.operationName);
      const started = timing?.parsed ?? performance.now();
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result)) return;
          requests.inc(labels);
          duration.observe(labels, (performance.now() - started) / 1_000);
          for (const error of result.errors ?? []) countError(labels, 'execute', error);
        },
      };
    },
    onResponse({ request, response }) {
      const now = performance.now();
      const own = serverOverheadMs(request, now);
      if (own !== undefined) overhead.observe(own / 1_000);
      const timing = timings.get(request);
      if (!timing?.labels) return;
      const { operationType, operationName } = timing.labels;
      const method = request.method === 'GET' || request.method === 'POST' ? request.method : 'other';
      http.observe({ operationType, operationName, method, statusCode: response.status }, (now - timing.started) / 1_000);
    },
  };
}

/** The contract's code of an error, as the client will see it; a bounded label value. */
function errorCodeOf(error: unknown, phase: string | undefined): string {
  if (phase === 'parse') return 'GRAPHQL_PARSE_FAILED';
  if (phase === 'validate') return 'GRAPHQL_VALIDATION_FAILED';
  return error === undefined ? 'unknown' : clientErrorCode(error);
}
