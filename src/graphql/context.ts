/**
 * The per-request GraphQL context: the request's credential-bound ECGrid API behind its
 * DataLoaders, the clock that pins new walks, and the partial errors of fallback values.
 */
import type { GraphQLError } from 'graphql';
import { createLoaders, type EcgridLoaders } from '../loaders/index.js';
import { recordUpstreamCall, requestScopeOf } from '../observability/request-log.js';
import { refusingApi } from '../upstream/client.js';
import type { Upstream } from '../upstream/upstream.js';
import { credentialFrom } from './credentials.js';

/** What every resolver of one GraphQL request shares. */
export interface Context {
  readonly ecgrid: EcgridLoaders;
  /** The request's start (ms since epoch): a walk that starts in this request is pinned to it. */
  readonly now: number;
  /** Errors of upstream fields answered with a fallback value; appended to the result. */
  readonly partialErrors: GraphQLError[];
}

export interface ContextOptions {
  readonly upstream: Upstream;
  /** ECGRID_API_KEY: used only for requests that carry no credential of their own. */
  readonly serviceKey: string | undefined;
  /** REQUEST_TIMEOUT_MS: no ECGrid call of a request waits past this, from the request's start. */
  readonly requestTimeoutMs: number;
  /** MAX_UPSTREAM_CALLS: the calls one request may send, whatever its shape counted. */
  readonly maxUpstreamCalls: number;
  /** MAX_CONTENT_BYTES: the largest parcel file passed on. */
  readonly maxContentBytes: number;
  readonly now?: (() => number) | undefined;
}

export function createContextFactory(options: ContextOptions) {
  const now = options.now ?? Date.now;
  const { upstream, serviceKey, requestTimeoutMs, maxUpstreamCalls, maxContentBytes } = options;
  return ({ request }: { request: Request }): Context => {
    const credential = credentialFrom(request.headers, serviceKey);
    const scope = requestScopeOf(request);
    const api = credential.ok
      ? upstream.forCaller(credential.credential, {
          requestId: scope?.requestId,
          onCall: scope && ((event) => recordUpstreamCall(scope, event)),
          maxCalls: maxUpstreamCalls,
          deadlineAt: (scope?.started ?? performance.now()) + requestTimeoutMs,
        })
      : refusingApi(credential.problem);
    return { ecgrid: createLoaders(api, { maxContentBytes }), now: now(), partialErrors: [] };
  };
}
