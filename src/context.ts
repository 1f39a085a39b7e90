import type { GraphQLError } from 'graphql';
import type { Dispatcher } from 'undici';
import { credentialFrom } from './credentials.js';
import { createLoaders, type EcgridLoaders } from './loaders.js';
import { recordUpstreamCall, requestScopeOf } from './observability/request-log.js';
import type { UpstreamBreaker } from './upstream/breaker.js';
import { EcgridClient, type EcgridUpstream, type UpstreamCallEvent } from './upstream/client.js';
import { EcgridNoCredentialError } from './upstream/errors.js';
import type { UpstreamSharing } from './upstream/shared-calls.js';
import type { Credential } from './upstream/types.js';

/** What every resolver of one GraphQL request shares. */
export interface Context {
  readonly ecgrid: EcgridLoaders;
  /** The request's start (ms since epoch): a walk that starts in this request is pinned to it. */
  readonly now: number;
  /** Errors of upstream fields answered with a fallback value; appended to the result. */
  readonly partialErrors: GraphQLError[];
}

/** What each request's ECGrid client is built from; shared by all requests. */
export interface UpstreamClientSettings {
  readonly baseUrl: string;
  /** The pool with retries composed on it. */
  readonly dispatcher: Dispatcher;
  readonly breaker: UpstreamBreaker;
  /** ECGRID_API_KEY: used only for requests that carry no credential of their own. */
  readonly serviceKey?: string | undefined;
  readonly attemptTimeoutMs: number;
  readonly deadlineMs: number;
  readonly onCall?: ((event: UpstreamCallEvent) => void) | undefined;
  /** Coalescing and the optional cache; none when undefined. */
  readonly sharing?: UpstreamSharing | undefined;
}

export interface ContextOptions {
  readonly upstream: UpstreamClientSettings;
  readonly now?: (() => number) | undefined;
}

export function createContextFactory(options: ContextOptions) {
  const now = options.now ?? Date.now;
  const { upstream } = options;
  const { sharing } = upstream;
  return ({ request }: { request: Request }): Context => {
    const credential = credentialFrom(request.headers, upstream.serviceKey);
    const scope = requestScopeOf(request);
    const client: EcgridUpstream = credential.ok
      ? shared(sharing, credential.credential, new EcgridClient({
          baseUrl: upstream.baseUrl,
          dispatcher: upstream.dispatcher,
          credential: credential.credential,
          attemptTimeoutMs: upstream.attemptTimeoutMs,
          deadlineMs: upstream.deadlineMs,
          requestId: scope?.requestId,
          onCall: scope
            ? (event) => {
                recordUpstreamCall(scope, event);
                upstream.onCall?.(event);
              }
            : upstream.onCall,
          breaker: upstream.breaker,
        }))
      : refusingUpstream(credential.problem);
    return { ecgrid: createLoaders(client), now: now(), partialErrors: [] };
  };
}

function shared(sharing: UpstreamSharing | undefined, credential: Credential | undefined, client: EcgridUpstream): EcgridUpstream {
  return sharing === undefined ? client : sharing.wrap(client, credential);
}

/** For a request whose credential headers are unusable: every call fails unsent. */
function refusingUpstream(problem: string): EcgridUpstream {
  const refuse = () => Promise.reject(new EcgridNoCredentialError(problem));
  return {
    mailboxInterchangeStats: refuse,
    listInterchanges: refuse,
    interchange: refuse,
    version: refuse,
  };
}
