/**
 * Everything the app holds of ECGrid for its lifetime (the pool with retries, the breaker, the
 * sharing layer), and the credential-bound API it makes for each request from them.
 */
import { EcgridClient, type EcgridApi, type UpstreamCallEvent } from './client.js';
import type { UpstreamSharing } from './sharing/sharing.js';
import { createTransport, type TransportSettings, type UpstreamTransport } from './transport/transport.js';
import type { Credential } from './types.js';

export interface UpstreamSettings extends TransportSettings {
  /** ECGrid origin, optionally with a path prefix; `/v2/...` is appended. */
  readonly baseUrl: string;
  /** Per attempt: to the response headers, and between body chunks. */
  readonly attemptTimeoutMs: number;
  /** Per upstream call, retries included. */
  readonly deadlineMs: number;
  /** Coalescing and the optional cache; none when undefined. */
  readonly sharing: UpstreamSharing | undefined;
  readonly onCall?: ((event: UpstreamCallEvent) => void) | undefined;
}

export interface CallerOptions {
  readonly requestId?: string | undefined;
  /** ECGrid calls the request may send; further calls fail unsent. */
  readonly maxCalls?: number | undefined;
  /** When the request must be answered (performance.now() ms): no call goes past it. */
  readonly deadlineAt?: number | undefined;
  /** Called after each call of this caller, besides the settings' onCall. */
  readonly onCall?: ((event: UpstreamCallEvent) => void) | undefined;
}

export interface Upstream {
  readonly transport: UpstreamTransport;
  readonly sharing: UpstreamSharing | undefined;
  /** The API of one request, bound to its credential (undefined: calls that need one fail unsent). */
  forCaller(credential: Credential | undefined, options?: CallerOptions): EcgridApi;
  /** An API for unauthenticated probes, bounded by `timeoutMs`, outside the breaker and sharing. */
  forProbe(timeoutMs: number): EcgridApi;
}

export function createUpstream(settings: UpstreamSettings): Upstream {
  const transport = createTransport(settings);
  const { baseUrl, attemptTimeoutMs, deadlineMs, sharing, onCall } = settings;
  const bothHooks = (own: ((event: UpstreamCallEvent) => void) | undefined) =>
    own === undefined || onCall === undefined
      ? (own ?? onCall)
      : (event: UpstreamCallEvent) => {
          own(event);
          onCall(event);
        };
  return {
    transport,
    sharing,
    forCaller(credential, options = {}) {
      const client = new EcgridClient({
        baseUrl,
        dispatcher: transport.dispatcher,
        credential,
        attemptTimeoutMs,
        deadlineMs,
        requestId: options.requestId,
        onCall: bothHooks(options.onCall),
        breaker: transport.breaker,
        budget: options.maxCalls === undefined ? undefined : { left: options.maxCalls, max: options.maxCalls },
        deadlineAt: options.deadlineAt,
      });
      return sharing === undefined ? client : sharing.wrap(client, credential);
    },
    // Probes go through the pool with retries (one blip is not "unready"), not through the
    // breaker: probes must not open it.
    forProbe(timeoutMs) {
      return new EcgridClient({
        baseUrl,
        dispatcher: transport.dispatcher,
        credential: undefined,
        attemptTimeoutMs: timeoutMs,
        deadlineMs: timeoutMs,
        onCall,
      });
    },
  };
}
