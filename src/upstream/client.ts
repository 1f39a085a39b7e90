import type { Dispatcher } from 'undici';
import type { UpstreamBreaker } from './breaker.js';
import { Deadline } from './deadline.js';
import {
  EcgridBadResponseError,
  EcgridError,
  EcgridNoCredentialError,
  EcgridNotFoundError,
  EcgridUnavailableError,
} from './errors.js';
import { readInterchange } from './interchange-record.js';
import { readEnvelopeData } from './response.js';
import { isObject } from './values.js';
import type {
  ApiVersion,
  Credential,
  Direction,
  InterchangeListQuery,
  InterchangePage,
  InterchangeRecord,
  MailboxInterchangeStatsRecord,
} from './types.js';

export interface UpstreamCallEvent {
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
}

export interface EcgridUpstream {
  mailboxInterchangeStats(): Promise<MailboxInterchangeStatsRecord>;
  listInterchanges(direction: Direction, query: InterchangeListQuery): Promise<InterchangePage>;
  /** null when ECGrid answers 404 (absent, or not visible to this caller). */
  interchange(interchangeId: number): Promise<InterchangeRecord | null>;
  version(): Promise<ApiVersion>;
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

/** A typed ECGrid REST client bound to one caller's credential. */
export class EcgridClient implements EcgridUpstream {
  readonly #origin: string;
  readonly #prefix: string;
  readonly #options: EcgridClientOptions;

  constructor(options: EcgridClientOptions) {
    const base = baseOf(options.baseUrl);
    this.#origin = base.origin;
    this.#prefix = base.prefix;
    this.#options = options;
  }

  async mailboxInterchangeStats(): Promise<MailboxInterchangeStatsRecord> {
    const data = await this.#call('GET', '/v2/reports/mailbox-interchange-stats');
    if (!isObject(data)) throw new EcgridBadResponseError('mailbox-interchange-stats: data is not an object');
    return data;
  }

  async listInterchanges(direction: Direction, query: InterchangeListQuery): Promise<InterchangePage> {
    const endpoint = direction === 'inbox' ? '/v2/interchanges/inbox-list' : '/v2/interchanges/outbox-list';
    const data = await this.#call('POST', endpoint, listBody(query));
    return readPage(endpoint, data, query);
  }

  async interchange(interchangeId: number): Promise<InterchangeRecord | null> {
    try {
      const data = await this.#call('GET', `/v2/interchanges/${interchangeId}`);
      if (!isObject(data)) throw new EcgridBadResponseError('interchanges/{id}: data is not an object');
      return readInterchange(data);
    } catch (error) {
      if (error instanceof EcgridNotFoundError) return null;
      throw error;
    }
  }

  async version(): Promise<ApiVersion> {
    const data = await this.#call('GET', '/v2/auth/version', undefined, false);
    if (!isObject(data) || typeof data['version'] !== 'string') {
      throw new EcgridBadResponseError('auth/version: data.version is not a string');
    }
    return { version: data['version'] };
  }

  async #call(method: 'GET' | 'POST', endpoint: string, body?: object, authenticated = true): Promise<unknown> {
    const { credential, dispatcher, attemptTimeoutMs, deadlineMs, requestId, onCall, breaker } = this.#options;
    const started = performance.now();
    let statusCode: number | undefined;
    const report = (error: EcgridError | undefined) =>
      onCall?.({ endpoint: routeOf(endpoint), method, statusCode, durationMs: performance.now() - started, error });

    const headers: Record<string, string> = { accept: 'application/json' };
    if (authenticated) {
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
          path: this.#prefix + endpoint,
          method,
          headers,
          body: payload,
          headersTimeout: attemptTimeoutMs,
          bodyTimeout: attemptTimeoutMs,
          signal: deadline,
        });
        statusCode = response.statusCode;
        const text = await response.body.text();
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
        throw isTransportError(error) ? transportError(error, endpoint) : this.#scrub(error);
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

function transportError(error: unknown, endpoint: string): EcgridUnavailableError {
  const name = error instanceof Error ? error.name : '';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const timedOut =
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT';
  return new EcgridUnavailableError(
    timedOut ? `ECGrid did not answer ${routeOf(endpoint)} in time` : `ECGrid could not be reached (${String(code ?? name)})`,
    timedOut ? 'timeout' : 'network',
    { cause: error },
  );
}

/** The endpoint without ids, for logs and metrics. */
function routeOf(endpoint: string): string {
  return endpoint.replace(/\/\d+$/, '/{id}');
}

function utc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function listBody(query: InterchangeListQuery): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  if (query.mailboxId !== undefined) body['mailboxId'] = query.mailboxId;
  if (query.ecGridIdFrom !== undefined) body['ecGridIdFrom'] = query.ecGridIdFrom;
  if (query.ecGridIdTo !== undefined) body['ecGridIdTo'] = query.ecGridIdTo;
  if (query.beginDate !== undefined) body['beginDate'] = utc(query.beginDate);
  if (query.endDate !== undefined) body['endDate'] = utc(query.endDate);
  body['pageNo'] = query.pageNo;
  body['recordsPerPage'] = query.recordsPerPage;
  return body;
}

function readPage(endpoint: string, data: unknown, query: InterchangeListQuery): InterchangePage {
  if (!isObject(data)) throw new EcgridBadResponseError(`${endpoint}: data is not an object`);
  const { totalRecords, interchanges } = data;
  if (typeof totalRecords !== 'number' || !Number.isSafeInteger(totalRecords) || totalRecords < 0) {
    throw new EcgridBadResponseError(`${endpoint}: data.totalRecords is not a count`);
  }
  if (!Array.isArray(interchanges)) throw new EcgridBadResponseError(`${endpoint}: data.interchanges is not a list`);
  return {
    totalRecords,
    pageNo: typeof data['pageNo'] === 'number' ? data['pageNo'] : query.pageNo,
    recordsPerPage: typeof data['recordsPerPage'] === 'number' ? data['recordsPerPage'] : query.recordsPerPage,
    interchanges: interchanges.map(readInterchange),
  };
}
