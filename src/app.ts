import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { GraphiQLOptions } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type Context, createContextFactory, type UpstreamSettings } from './context.js';
import { toClientError } from './errors.js';
import type { ExampleOperation } from './example-operations.js';
import type { Logger } from './logger.js';
import { usePartialErrors } from './partial-errors.js';
import { yogaLogging } from './yoga-logging.js';
import { schema } from './schema/index.js';

export interface AppOptions {
  readonly upstream: UpstreamSettings;
  readonly logger: Logger;
  /** GraphiQL on a browser GET of /graphql; false turns it off. */
  readonly graphiql?: false | { readonly examples: readonly ExampleOperation[]; readonly headers?: Record<string, string> };
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /** The clock that pins new walks; tests move it. */
  readonly now?: () => number;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

const DEFAULT_MAX_BODY = 1024 * 1024;

/** Builds the GraphQL HTTP app from its dependencies; opens no port. */
export function createApp(options: AppOptions): App {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: createContextFactory({ upstream: options.upstream, now: options.now }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql ? graphiqlOptions(options.graphiql) : false,
    renderGraphiQL,
    maskedErrors: { maskError: (error) => toClientError(error) },
    batching: false,
    logging: yogaLogging(options.logger),
    plugins: [useBodyLimit(options.maxBodyBytes ?? DEFAULT_MAX_BODY), usePartialErrors()],
  });
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

/** Rejects a request whose declared body is over the limit before it is read (413). */
function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? '0');
      if (length > maxBytes) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: `Request body is larger than ${maxBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }),
            { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' } },
          ),
        );
      }
    },
  };
}
