/**
 * The one call path to ECGrid: a client bound to one caller's credential sends a descriptor's
 * request (credential headers, deadline, breaker), reads the envelope and redacts the credential.
 */
import type { Dispatcher } from 'undici';
import { type Endpoint, ENDPOINT_OPTION } from './endpoints/endpoint.js';
import { readEnvelopeData } from './envelope.js';
import { EcgridCallBudgetError, EcgridError, EcgridNoCredentialError, EcgridNotFoundError, EcgridUnavailableError } from './errors.js';
import type { UpstreamBreaker } from './transport/breaker.js';
import { bodyText } from './transport/bounded-body.js';
import { Deadline } from './transport/deadline.js';
import type { Credential } from './types.js';

/** What the layers above call: one ECGrid endpoint with its input. */
export interface EcgridApi {
  call<In, Out>(endpoint: Endpoint<In, Out>, input: In): Promise<Out>;
}

export interface UpstreamCallEvent {
  /** The descriptor's route, e.g. `/v2/interchanges/{id}`: never an id. */
  readonly endpoint: string;
  readonly method: string;
  readonly statusCode: number | undefined;
  readonly durationMs: number;
  readonly error: EcgridError | undefined;
}

export interface EcgridClientOptions {
  /** ECGrid origin, optionally with a path prefix; `/v2/...` is appended. */
  readonly baseUrl: string;
  readonly dispatcher: Dispatcher;
  /** undefined when the request carried none and no service key is set; calls then fail unsent. */
  readonly credential: Credential | undefined;
  /** Per attempt: time to the response headers, and between body chunks. */
  readonly attemptTimeoutMs: number;
  /** Overall bound for one call, retries included. */
  readonly deadlineMs: number;
  readonly requestId?: string | undefined;
  readonly onCall?: ((event: UpstreamCallEvent) => void) | undefined;
  /** The origin's circuit breaker, shared by every caller. */
  readonly breaker?: UpstreamBreaker | undefined;
  /** The calls this caller may still send (shared by the clients of one request); unbounded when absent. */
  readonly budget?: CallBudget | undefined;
  /** When the caller's request must be answered (performance.now() ms): no call waits past it. */
  readonly deadlineAt?: number | undefined;
}

/** How many more ECGrid calls one request may send. */
export interface CallBudget {
  left: number;
  readonly max: number;
}

// A client is made per request: its base URL is parsed once per process, not per request.
const bases = new Map<string, { readonly origin: string; readonly prefix: string }>();
function baseOf(baseUrl: string): { readonly origin: string; readonly prefix: string } {
  let base = bases.get(baseUrl);
  if (base === undefined) {
    const url = new URL(baseUrl);
    base = { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '').replace(/\/v2$/, '') };
    bases.set(baseUrl, base);
  }
  return base;
}

/** An ECGrid REST client bound to one caller's credential. */
export class EcgridClient implements EcgridApi {
  readonly #origin: string;
  readonly #prefix: string;
  readonly #options: EcgridClientOptions;

  constructor(options: EcgridClientOptions) {
    const base = baseOf(options.baseUrl);
    this.#origin = base.origin;
    this.#prefix = base.prefix;
    this.#options = options;
  }

  async call<In, Out>(endpoint: Endpoint<In, Out>, input: In): Promise<Out> {
    let data: unknown;
    try {
      data = await this.#send(endpoint, endpoint.path(input), endpoint.body?.(input), endpoint.maxResponseBytes?.(input));
    } catch (error) {
      if (endpoint.notFound && error instanceof EcgridNotFoundError) return endpoint.notFound.value;
      throw error;
    }
    return endpoint.read(data, input);
  }

  async #send(endpoint: Endpoint<never, unknown>, path: string, body: object | undefined, maxResponseBytes: number | undefined): Promise<unknown> {
    const { credential, dispatcher, attemptTimeoutMs, requestId, onCall, breaker, budget, deadlineAt } = this.#options;
    const { method, route } = endpoint;
    const started = performance.now();
    // What the request has left: a call is never sent past the request's bound or budget.
    const deadlineMs = deadlineAt === undefined ? this.#options.deadlineMs : Math.min(this.#options.deadlineMs, Math.floor(deadlineAt - started));
    if (deadlineMs <= 0) {
      throw new EcgridUnavailableError(`The request's time (REQUEST_TIMEOUT_MS) ran out before ECGrid was asked for ${route}`, 'timeout');
    }
    if (budget !== undefined) {
      if (budget.left <= 0) {
        throw new EcgridCallBudgetError(`This request has made the ${budget.max} ECGrid calls it may make (MAX_UPSTREAM_CALLS); ${route} was not called`);
      }
      budget.left -= 1;
    }
    let statusCode: number | undefined;
    const report = (error: EcgridError | undefined) =>
      onCall?.({ endpoint: route, method, statusCode, durationMs: performance.now() - started, error });

    const headers: Record<string, string> = { accept: 'application/json' };
    if (endpoint.authenticated !== false) {
      if (!credential) {
        const error = new EcgridNoCredentialError(
          'No ECGrid credential: send X-API-Key or Authorization: Bearer, or configure ECGRID_API_KEY',
        );
        report(error);
        throw error;
      }
      if (credential.kind === 'apiKey') headers['x-api-key'] = credential.value;
      else headers['authorization'] = `Bearer ${credential.value}`;
    }
    if (requestId) headers['x-request-id'] = requestId;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }

    const attempt = async () => {
      // Not AbortSignal.timeout(), nor an AbortController: see Deadline.
      const deadline = new Deadline(deadlineMs);
      try {
        const response = await dispatcher.request({
          origin: this.#origin,
          path: this.#prefix + path,
          method,
          headers,
          body: payload,
          headersTimeout: attemptTimeoutMs,
          bodyTimeout: attemptTimeoutMs,
          signal: deadline,
          [ENDPOINT_OPTION]: endpoint,
        } as Dispatcher.RequestOptions);
        statusCode = response.statusCode;
        const text = await bodyText(response.body, response.headers['content-length'], maxResponseBytes, route);
        const retryAfter = response.headers['retry-after'];
        return readEnvelopeData(
          { statusCode, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, text },
          (s) => this.#redact(s),
        );
      } catch (error) {
        if (error instanceof EcgridError) throw error;
        const final = retriesExhausted(error);
        if (final) {
          statusCode = final.statusCode;
          // No body is left: the status alone decides (429 → rate limited, 5xx → unavailable), and this throws.
          readEnvelopeData({ statusCode: final.statusCode, retryAfter: final.retryAfter, text: '' }, (s) => this.#redact(s));
        }
        throw isTransportError(error) ? transportError(error, route) : this.#scrub(error);
      } finally {
        deadline.clear();
      }
    };

    try {
      const data = await (breaker ? breaker.run(attempt) : attempt());
      report(undefined);
      return data;
    } catch (error) {
      if (error instanceof EcgridError) report(error);
      throw error;
    }
  }

  /** An unexpected error is logged as a bug, message and stack: never with the credential in them. */
  #scrub(error: unknown): unknown {
    if (error instanceof Error) {
      error.message = this.#redact(error.message);
      if (error.stack) error.stack = this.#redact(error.stack);
    }
    return error;
  }

  #redact(text: string): string {
    const secret = this.#options.credential?.value;
    return secret ? text.split(secret).join('[redacted]') : text;
  }
}

/** For a request whose credential headers are unusable: every call fails unsent. */
export function refusingApi(problem: string): EcgridApi {
  return { call: () => Promise.reject(new EcgridNoCredentialError(problem)) };
}

/** undici's retry interceptor ends retries on 429/5xx by throwing the last status and headers. */
function retriesExhausted(error: unknown): { statusCode: number; retryAfter: string | undefined } | undefined {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'UND_ERR_REQ_RETRY') return undefined;
  const { statusCode, headers } = error as { statusCode?: unknown; headers?: Record<string, string | string[] | undefined> };
  if (typeof statusCode !== 'number') return undefined;
  const retryAfter = headers?.['retry-after'];
  return { statusCode, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter };
}

/** Errors of the network and of undici (they carry a code, or are aborts); anything else is a bug. */
function isTransportError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return typeof code === 'string' || name === 'AbortError' || name === 'TimeoutError';
}

function transportError(error: unknown, route: string): EcgridUnavailableError {
  const name = error instanceof Error ? error.name : '';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const timedOut =
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT';
  return new EcgridUnavailableError(
    timedOut ? `ECGrid did not answer ${route} in time` : `ECGrid could not be reached (${String(code ?? name)})`,
    timedOut ? 'timeout' : 'network',
    { cause: error },
  );
}
