import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { GraphiQLOptions } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type Context, createContextFactory } from './context.js';
import { toClientError } from './errors.js';
import type { ExampleOperation } from './example-operations.js';
import type { Logger } from './logger.js';
import { useBodyLimit } from './body-limit.js';
import { DEFAULT_LIMITS, type OperationLimits, useOperationLimits } from './operation-limits.js';
import { usePartialErrors } from './partial-errors.js';
import { yogaLogging } from './yoga-logging.js';
import type { Dispatcher } from 'undici';
import type { UpstreamCallEvent } from './upstream/client.js';
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
}

export type App = YogaServerInstance<Record<string, unknown>, Context> & { readonly upstream: UpstreamTransport };

const DEFAULT_MAX_BODY = 1024 * 1024;

/** Builds the GraphQL HTTP app from its dependencies; opens no port. */
export function createApp(options: AppOptions): App {
  const { upstream } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const transport = createTransport({
    dispatcher: upstream.dispatcher,
    retry: { ...DEFAULT_RETRY, ...upstream.retry },
    breaker: { ...DEFAULT_BREAKER, ...upstream.breaker },
    onRetry: upstream.onRetry,
    onBreakerStateChange: (state) => {
      options.logger.warn({ breaker: state, ecgrid: new URL(upstream.baseUrl).origin }, `ECGrid circuit breaker ${state}`);
      upstream.onBreakerStateChange?.(state);
    },
  });
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
        onCall: upstream.onCall,
      },
      now: options.now,
      maxUpstreamCalls: limits.maxUpstreamCalls,
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql ? graphiqlOptions(options.graphiql) : false,
    renderGraphiQL,
    maskedErrors: { maskError: (error) => toClientError(error) },
    batching: false,
    logging: yogaLogging(options.logger),
    plugins: [useBodyLimit(options.maxBodyBytes ?? DEFAULT_MAX_BODY), ...useOperationLimits(limits), usePartialErrors()],
  });
  return Object.assign(yoga, { upstream: transport });
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
