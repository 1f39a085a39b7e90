import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createCounter, createHistogram, type FillLabelsFnParams, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { clientErrorCode } from './error-code.js';
import { operationOf } from './operation.js';
import { prometheusUpstreamObserver, type UpstreamObserver } from './upstream-metrics.js';

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

type OperationLabels = { operationType: string; operationName: string };

const DURATION_BUCKETS: [number, ...number[]] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

/**
 * GraphQL metrics (`graphql_envelop_*`, `graphql_yoga_http_duration`) plus everything else in the
 * registry, served at GET /metrics. Labels come only from the parsed document (operation type and
 * a declared operation name), the HTTP method and status, the phase and the error code: never a
 * variable, header, URL or message.
 */
export function useMetrics(metrics: Metrics): Plugin {
  const { registry } = metrics;
  const names = new OperationNames();
  const labelsOf = (document: DocumentNode | undefined, requested: unknown): OperationLabels => {
    const operation = document ? operationOf(document, requested) : null;
    if (!operation) return { operationType: 'unknown', operationName: 'unknown' };
    return { operationType: operation.operation, operationName: operation.name ? names.label(operation.name.value) : 'Anonymous' };
  };
  // The envelop metrics get the raw `operationName` request parameter; resolve it against the document.
  const fromContext = (params: FillLabelsFnParams, context: unknown) =>
    labelsOf(params.document, (context as { params?: { operationName?: unknown } } | undefined)?.params?.operationName);

  return usePrometheus({
    registry,
    endpoint: '/metrics',
    // Only the labels below, filled by the functions below; the plugin's own would take raw input.
    labels: { operationName: false, path: false, url: false, fieldName: false, typeName: false, returnType: false },
    metrics: {
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'GraphQL operations executed',
          labelNames: ['operationType', 'operationName'],
        },
        fillLabelsFn: fromContext,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time from parse to the end of execution of a GraphQL operation, in seconds',
          labelNames: ['operationType', 'operationName'],
          buckets: DURATION_BUCKETS,
        },
        fillLabelsFn: fromContext,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Errors in GraphQL results, by phase and error code',
          labelNames: ['operationType', 'operationName', 'phase', 'code'],
        },
        fillLabelsFn: (params: FillLabelsFnParams & { errorPhase?: string; error?: unknown }, context) => ({
          ...fromContext(params, context),
          phase: params.errorPhase ?? 'unknown',
          code: errorCodeOf(params.error, params.errorPhase),
        }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time to answer a GraphQL HTTP request, in seconds',
          labelNames: ['operationType', 'operationName', 'method', 'statusCode'],
          buckets: DURATION_BUCKETS,
        },
        fillLabelsFn: (params: FillLabelsFnParams & { request: Request; response: Response }) => ({
          ...labelsOf(params.document, params.operationName),
          method: params.request.method === 'GET' ? 'GET' : params.request.method === 'POST' ? 'POST' : 'other',
          statusCode: params.response.status,
        }),
      }),
      // Per-phase histograms cost four more observations a request (about a third of the metrics'
      // CPU in a profile); parse and validate are cached, and execute is the request duration.
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      // Summaries cost a t-digest per label set; the histograms above carry the same timings.
      graphql_envelop_request_time_summary: false,
      // Walks every document with a TypeInfo; the schema deprecates nothing.
      graphql_envelop_deprecated_field: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_execute_resolver: false,
    },
  }) as Plugin;
}

/** The contract's code of an error, as the client will see it; a bounded label value. */
function errorCodeOf(error: unknown, phase: string | undefined): string {
  if (phase === 'parse') return 'GRAPHQL_PARSE_FAILED';
  if (phase === 'validate') return 'GRAPHQL_VALIDATION_FAILED';
  return error === undefined ? 'unknown' : clientErrorCode(error);
}
