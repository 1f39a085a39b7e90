/**
 * The app: builds the upstream layer, the GraphQL pipeline and the HTTP listener from the
 * settings and its dependencies. Opens no port (main.ts does), reads no environment (config.ts does).
 */
import type { RequestListener } from 'node:http';
import type { Tracer } from '@opentelemetry/api';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import type { Config } from './config.js';
import { type Context, createContextFactory } from './graphql/context.js';
import { toClientError, useErrorExcerpts } from './graphql/errors.js';
import { useJitExecution } from './graphql/jit-execution.js';
import { useOperationLimits } from './graphql/operation-limits.js';
import { usePartialErrors } from './graphql/partial-errors.js';
import { useBodyLimit } from './http/body-limit.js';
import { compressResponses } from './http/compression.js';
import { useContentNegotiation } from './http/content-negotiation.js';
import { corsOption, useCorsVary } from './http/cors.js';
import { useRequestParams } from './http/request-params.js';
import { createRequestListener } from './http/fast-path.js';
import { exampleOperations, type GraphiQLPage, graphiqlOptions } from './http/graphiql.js';
import { useHealthBody } from './http/health.js';
import { useIntrospectionView } from './graphql/introspection-view.js';
import { useLandingPage } from './http/landing-page.js';
import { useParcelContent } from './http/parcel-content.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, type Metrics, useMetrics } from './observability/metrics.js';
import { useOperationSpans } from './observability/operation-spans.js';
import { Readiness, useReadiness } from './observability/readiness.js';
import { useRequestLog } from './observability/request-log.js';
import { observeUpstreamCalls } from './observability/upstream-metrics.js';
import { yogaLogging } from './observability/yoga-logging.js';
import { schema } from './schema/index.js';
import type { UpstreamCallEvent } from './upstream/client.js';
import { apiVersion } from './upstream/endpoints/auth.js';
import { type SharedCallEvent, UpstreamSharing } from './upstream/sharing/sharing.js';
import type { BreakerState } from './upstream/transport/breaker.js';
import type { RetryEvent } from './upstream/transport/retry-policy.js';
import type { UpstreamTransport } from './upstream/transport/transport.js';
import { createUpstream, type Upstream } from './upstream/upstream.js';

/** Observers of the upstream layer, besides the app's own metrics and logs (tests use them). */
export interface UpstreamHooks {
  readonly onCall?: ((event: UpstreamCallEvent) => void) | undefined;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  readonly onBreakerStateChange?: ((state: BreakerState) => void) | undefined;
  /** A call joined one in flight (`coalesced`), or a cache hit, miss or store error. */
  readonly onSharedCall?: ((event: SharedCallEvent, route: string) => void) | undefined;
}

export interface AppOptions {
  /** Every setting, with config.ts' defaults. */
  readonly config: Config;
  /** ECGrid's origin: ECGRID_BASE_URL, or the embedded simulator's. */
  readonly baseUrl: string;
  /** The connection pool to ECGrid: a keep-alive Agent in production, a MockAgent in tests. */
  readonly dispatcher: Dispatcher;
  readonly logger: Logger;
  /** Coalescing and the optional cache, made by createUpstreamSharing; default: as ECGRID_COALESCE says, no cache. false: none. */
  readonly sharing?: UpstreamSharing | false | undefined;
  /** The GraphiQL page's tabs and headers (when GRAPHIQL is on); default: the examples without a key. */
  readonly graphiql?: GraphiQLPage;
  /** Prometheus registry served at GET /metrics, with the upstream observer; a fresh one when absent. */
  readonly metrics?: Metrics;
  /** OpenTelemetry tracer for one span per operation; no tracing plugin at all when absent. */
  readonly tracer?: Tracer;
  /** The clock that pins new walks; tests move it. */
  readonly now?: () => number;
  /** Readiness: is the upstream circuit breaker open? The app's own breaker when absent. */
  readonly breakerOpen?: () => boolean;
  /** Readiness: true once shutdown has begun, so /ready answers 503 while in-flight requests finish. */
  readonly draining?: () => boolean;
  readonly hooks?: UpstreamHooks;
}

export type App = YogaServerInstance<Record<string, unknown>, Context> & {
  readonly upstream: UpstreamTransport;
  /** The ECGrid layer itself: an endpoint's API for a credential, outside GraphQL (tests, tools). */
  readonly ecgrid: Upstream;
  /** Coalescing and the optional cache (undefined when turned off): `coalescedCount`, `observe`. */
  readonly sharing: UpstreamSharing | undefined;
  /** For node:http's createServer: plain JSON POSTs on the fast path, all else through yoga (http/fast-path.ts). */
  readonly listener: RequestListener;
};

/** Bound of the readiness probe's upstream call: a probe must answer quickly either way. */
const READY_TIMEOUT_MS = 2_000;

export function createApp(options: AppOptions): App {
  const { config, logger, hooks = {} } = options;
  const metrics = options.metrics ?? createMetrics();
  const origin = new URL(options.baseUrl).origin;
  const observeCall = observeUpstreamCalls(metrics.upstream);
  const sharing =
    options.sharing === false
      ? undefined
      : (options.sharing ?? (config.ECGRID_COALESCE ? new UpstreamSharing({ coalesce: true }) : undefined));
  sharing?.observe((event, route) => {
    if (event === 'coalesced') metrics.upstream.coalesced(route);
    else if (event === 'cacheHit' || event === 'cacheMiss') metrics.upstream.cacheLookup(route, event === 'cacheHit');
    hooks.onSharedCall?.(event, route);
  });
  const upstream = createUpstream({
    baseUrl: options.baseUrl,
    dispatcher: options.dispatcher,
    attemptTimeoutMs: config.ECGRID_ATTEMPT_TIMEOUT_MS,
    deadlineMs: config.ECGRID_TIMEOUT_MS,
    retry: {
      maxRetries: config.ECGRID_MAX_RETRIES,
      baseDelayMs: config.ECGRID_RETRY_BASE_MS,
      maxDelayMs: config.ECGRID_RETRY_MAX_DELAY_MS,
      retryAfterCapMs: config.ECGRID_RETRY_AFTER_CAP_MS,
    },
    breaker: { failures: config.ECGRID_BREAKER_FAILURES, cooldownMs: config.ECGRID_BREAKER_COOLDOWN_MS },
    sharing,
    onCall: (event) => {
      observeCall(event);
      hooks.onCall?.(event);
    },
    onRetry: (event) => {
      metrics.upstream.retry(event.route);
      hooks.onRetry?.(event);
    },
    onBreakerStateChange: (state) => {
      logger.warn({ breaker: state, ecgrid: origin }, `ECGrid circuit breaker ${state}`);
      metrics.upstream.breakerState(origin, state);
      hooks.onBreakerStateChange?.(state);
    },
  });
  const { transport } = upstream;
  metrics.upstream.breakerState(origin, transport.breaker.state);
  const probe = upstream.forProbe(READY_TIMEOUT_MS);
  const readiness = new Readiness({
    upstreamVersion: () => probe.call(apiVersion, undefined),
    // Through the breaker only for its half-open trial: probes heal it, and never open it.
    breaker: transport.breaker,
    breakerOpen: options.breakerOpen,
    requiresUpstream: config.READINESS_REQUIRES_UPSTREAM,
    onUpstreamCheck: (kind, ok) => metrics.upstream.readinessCheck(kind, ok),
    draining: options.draining,
  });
  const maskError = (error: unknown) => toClientError(error);
  const maxBodyBytes = config.MAX_BODY_BYTES;
  const context = createContextFactory({
    upstream,
    serviceKey: config.ECGRID_API_KEY,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    maxUpstreamCalls: config.MAX_UPSTREAM_CALLS,
    maxContentBytes: config.MAX_CONTENT_BYTES,
    now: options.now,
  });
  const plugins = [
    // First, so that every request, even one answered early, gets its log line.
    useRequestLog(logger),
    useReadiness(readiness),
    useMetrics(metrics),
    useParcelContent({ context, logger }),
    useLandingPage({ graphiql: config.GRAPHIQL }),
    useHealthBody(),
    // Before jit, which compiles an operation against the schema this may swap in.
    useIntrospectionView(),
    ...(config.GRAPHQL_JIT ? [useJitExecution()] : []),
    ...(options.tracer ? [useOperationSpans(options.tracer)] : []),
    useCorsVary(config.CORS_ORIGINS),
    useContentNegotiation('/graphql'),
    // Before useBodyLimit, which wraps the request parser this one chooses.
    useRequestParams(),
    useBodyLimit(maxBodyBytes),
    ...useOperationLimits({
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxTokens: config.MAX_TOKENS,
      maxDirectives: config.MAX_DIRECTIVES,
      maxUpstreamCalls: config.MAX_UPSTREAM_CALLS,
      introspection: config.INTROSPECTION,
      // With a service key, a browser's credential-less "simple" request would run on it: refuse those.
      csrfPrevention: config.ECGRID_API_KEY !== undefined,
    }),
    usePartialErrors(),
    useErrorExcerpts(),
  ];
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context,
    graphqlEndpoint: '/graphql',
    // No cross-origin reads unless CORS_ORIGINS lists the origin (yoga's default allows any).
    cors: corsOption(config.CORS_ORIGINS),
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.GRAPHIQL ? graphiqlOptions(options.graphiql ?? { examples: exampleOperations() }) : false,
    // GraphiQL's bundle is large: loaded on the first browser visit, not at start.
    renderGraphiQL: async (graphiql) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiql),
    maskedErrors: { maskError },
    batching: false,
    // useBodyLimit does the whole job; yoga's own limiter would pipe every body through a
    // TransformStream and build a new Request (bench/README.md).
    maxRequestBodySize: false,
    logging: yogaLogging(logger),
    plugins,
  });
  const listener: RequestListener = compressResponses(
    config.GRAPHQL_FAST_PATH ? createRequestListener(yoga, { plugins, maskError, maxBodyBytes, endpoint: '/graphql' }) : yoga,
  );
  return Object.assign(yoga, { upstream: transport, ecgrid: upstream, sharing, listener });
}

