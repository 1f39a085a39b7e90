import type { Tracer } from '@opentelemetry/api';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphiQLOptions } from 'graphql-yoga';
import { type Context, createContextFactory } from './context.js';
import { toClientError } from './errors.js';
import { createRequestListener } from './graphql-fast-path.js';
import type { ExampleOperation } from './example-operations.js';
import type { Logger } from './logger.js';
import { useBodyLimit } from './body-limit.js';
import { useJitExecution } from './jit-execution.js';
import { createMetrics, type Metrics, useMetrics } from './observability/metrics.js';
import { useOperationSpans } from './observability/operation-spans.js';
import { Readiness, useReadiness } from './observability/readiness.js';
import { useRequestLog } from './observability/request-log.js';
import { observeUpstreamCalls } from './observability/upstream-metrics.js';
import { DEFAULT_LIMITS, type OperationLimits, useOperationLimits } from './operation-limits.js';
import { usePartialErrors } from './partial-errors.js';
import { yogaLogging } from './yoga-logging.js';
import type { RequestListener } from 'node:http';
import type { Dispatcher } from 'undici';
import { EcgridClient, type UpstreamCallEvent } from './upstream/client.js';
import { type SharedCallEvent, UpstreamSharing } from './upstream/shared-calls.js';
import { createTransport, type TransportSettings, type UpstreamTransport } from './upstream/transport.js';
import { schema } from './schema/index.js';

export interface UpstreamSettings {
  readonly baseUrl: string;
  /** The connection pool: a keep-alive Agent in production, a MockAgent in tests. */
  readonly dispatcher: Dispatcher;
  /** ECGRID_API_KEY: used only for requests that carry no credential of their own. */
  readonly serviceKey?: string | undefined;
  /** Per attempt: to the response headers, and between body chunks. */
  readonly attemptTimeoutMs: number;
  /** Per upstream call, retries included. */
  readonly deadlineMs: number;
  readonly retry?: Partial<TransportSettings['retry']> | undefined;
  readonly breaker?: Partial<TransportSettings['breaker']> | undefined;
  readonly onCall?: ((event: UpstreamCallEvent) => void) | undefined;
  readonly onRetry?: TransportSettings['onRetry'];
  readonly onBreakerStateChange?: TransportSettings['onBreakerStateChange'];
  /**
   * Sharing of upstream reads between requests of the same credential (coalescing, optional
   * cache); default: coalescing only. false: every request makes its own calls.
   */
  readonly sharing?: UpstreamSharing | false | undefined;
  /** Called when a call joins one in flight (`coalesced`) and on cache hits, misses and store errors. */
  readonly onSharedCall?: ((event: SharedCallEvent, route: string) => void) | undefined;
}

export const DEFAULT_RETRY = { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterCapMs: 2_000 };
export const DEFAULT_BREAKER = { failures: 5, cooldownMs: 5_000 };

export interface AppOptions {
  readonly upstream: UpstreamSettings;
  readonly logger: Logger;
  /** GraphiQL on a browser GET of /graphql; false turns it off. */
  readonly graphiql?: false | { readonly examples: readonly ExampleOperation[]; readonly headers?: Record<string, string> };
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  readonly limits?: Partial<OperationLimits>;
  /** The clock that pins new walks; tests move it. */
  readonly now?: () => number;
  /** Prometheus registry served at GET /metrics, with the upstream observer; a fresh one when absent. */
  readonly metrics?: Metrics;
  /** OpenTelemetry tracer for one span per operation; no tracing plugin at all when absent. */
  readonly tracer?: Tracer;
  /** Readiness (GET /ready): is the upstream circuit breaker open? The app's own breaker when absent. */
  readonly breakerOpen?: () => boolean;
  /** Readiness: true once shutdown has begun, so /ready answers 503 while in-flight requests finish. */
  readonly draining?: () => boolean;
  /** Execute queries with graphql-jit (src/jit-execution.ts); default true. */
  readonly jit?: boolean;
  /** `listener` answers plain JSON POSTs without yoga's HTTP layer (src/graphql-fast-path.ts); default true. */
  readonly fastPath?: boolean;
}

export type App = YogaServerInstance<Record<string, unknown>, Context> & {
  readonly upstream: UpstreamTransport;
  /** Coalescing and the optional cache (undefined when turned off): `coalescedCount`, `observe`. */
  readonly sharing: UpstreamSharing | undefined;
  /** For node:http's createServer: plain JSON POSTs on the fast path, all else through yoga (src/graphql-fast-path.ts). */
  readonly listener: RequestListener;
};

const DEFAULT_MAX_BODY = 1024 * 1024;
/** Bound of the readiness probe's upstream call: a probe must answer quickly either way. */
const READY_TIMEOUT_MS = 2_000;

/** Builds the GraphQL HTTP app from its dependencies; opens no port. */
export function createApp(options: AppOptions): App {
  const { upstream } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = options.metrics ?? createMetrics();
  const origin = new URL(upstream.baseUrl).origin;
  const observeCall = observeUpstreamCalls(metrics.upstream);
  const onCall = (event: UpstreamCallEvent) => {
    observeCall(event);
    upstream.onCall?.(event);
  };
  const transport = createTransport({
    dispatcher: upstream.dispatcher,
    retry: { ...DEFAULT_RETRY, ...upstream.retry },
    breaker: { ...DEFAULT_BREAKER, ...upstream.breaker },
    onRetry: (event) => {
      metrics.upstream.retry(event.path);
      upstream.onRetry?.(event);
    },
    onBreakerStateChange: (state) => {
      options.logger.warn({ breaker: state, ecgrid: origin }, `ECGrid circuit breaker ${state}`);
      metrics.upstream.breakerState(origin, state);
      upstream.onBreakerStateChange?.(state);
    },
  });
  metrics.upstream.breakerState(origin, transport.breaker.state);
  // The probe goes through the pool with retries (one blip is not "unready"), not through the
  // breaker: probes must not open it, and an open breaker already answers "not ready".
  const readiness = new Readiness({
    upstreamVersion: () =>
      new EcgridClient({
        baseUrl: upstream.baseUrl,
        dispatcher: transport.dispatcher,
        credential: undefined,
        attemptTimeoutMs: READY_TIMEOUT_MS,
        deadlineMs: READY_TIMEOUT_MS,
        onCall,
      }).version(),
    breakerOpen: options.breakerOpen ?? (() => transport.breaker.state === 'open'),
    draining: options.draining,
  });
  const sharing = upstream.sharing === false ? undefined : (upstream.sharing ?? new UpstreamSharing({ coalesce: true }));
  sharing?.observe((event, route) => {
    if (event === 'coalesced') metrics.upstream.coalesced(route);
    else if (event === 'cacheHit' || event === 'cacheMiss') metrics.upstream.cacheLookup(route, event === 'cacheHit');
    upstream.onSharedCall?.(event, route);
  });
  const maskError = (error: unknown) => toClientError(error);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const plugins = [
    // First, so that every request, even one answered early, gets its log line.
    useRequestLog(options.logger),
    useReadiness(readiness),
    useMetrics(metrics),
    ...(options.jit === false ? [] : [useJitExecution()]),
    ...(options.tracer ? [useOperationSpans(options.tracer)] : []),
    useBodyLimit(maxBodyBytes),
    ...useOperationLimits(limits),
    usePartialErrors(),
  ];
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: createContextFactory({
      upstream: {
        baseUrl: upstream.baseUrl,
        dispatcher: transport.dispatcher,
        breaker: transport.breaker,
        serviceKey: upstream.serviceKey,
        attemptTimeoutMs: upstream.attemptTimeoutMs,
        deadlineMs: upstream.deadlineMs,
        onCall,
        sharing,
      },
      now: options.now,
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql ? graphiqlOptions(options.graphiql) : false,
    // GraphiQL's bundle costs ~30 MB of heap: loaded on the first browser visit, not at start.
    renderGraphiQL: async (graphiql) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiql),
    maskedErrors: { maskError },
    batching: false,
    // useBodyLimit does the whole job; yoga's own limiter would pipe every body through a
    // TransformStream and build a new Request (~5% of a small query's CPU, bench/README.md).
    maxRequestBodySize: false,
    logging: yogaLogging(options.logger),
    plugins,
  });
  const listener: RequestListener =
    options.fastPath === false ? yoga : createRequestListener(yoga, { plugins, maskError, maxBodyBytes, endpoint: '/graphql' });
  return Object.assign(yoga, { upstream: transport, sharing, listener });
}

function graphiqlOptions(graphiql: { examples: readonly ExampleOperation[]; headers?: Record<string, string> }): GraphiQLOptions {
  const headers = JSON.stringify(graphiql.headers ?? {}, null, 2);
  const [first] = graphiql.examples;
  return {
    title: 'ECGrid GraphQL',
    defaultQuery: first?.query,
    headers,
    defaultTabs: graphiql.examples.map((example) => ({
      query: example.query,
      variables: JSON.stringify(example.variables, null, 2),
      headers,
    })),
  };
}
