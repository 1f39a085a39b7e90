/** ECGrid's answer envelope read into its `data`, or the EcgridError that the status and body call for. */
import {
  EcgridApiError,
  EcgridBadResponseError,
  type EcgridError,
  EcgridForbiddenError,
  EcgridNotFoundError,
  EcgridRateLimitedError,
  EcgridUnauthorizedError,
  EcgridUnavailableError,
} from './errors.js';
import { isObject } from './records/values.js';

export interface RawResponse {
  readonly statusCode: number;
  readonly retryAfter: string | undefined;
  readonly text: string;
}

type Redact = (text: string) => string;

interface Envelope {
  readonly success: boolean;
  readonly data?: unknown;
  readonly errorCode?: unknown;
  readonly message?: unknown;
}

interface ProblemDetails {
  readonly title?: unknown;
  readonly detail?: unknown;
  readonly traceId?: unknown;
  readonly errors?: unknown;
}

const MAX_MESSAGE_LENGTH = 500;

/**
 * Turns an upstream answer into the envelope's `data`, or throws the matching EcgridError.
 * The HTTP status decides first (401, 403, 429, 5xx), the body after it: the documented
 * envelope, then ASP.NET ProblemDetails, then the bare status.
 */
export function readEnvelopeData(response: RawResponse, redact: Redact, now = Date.now()): unknown {
  const { statusCode } = response;
  const body = parseJson(response.text);
  const envelope = asEnvelope(body);
  const problem = envelope ? undefined : asProblemDetails(body);
  const upstreamErrorCode = envelope && typeof envelope.errorCode === 'string' && envelope.errorCode !== ''
    ? envelope.errorCode
    : undefined;
  const traceId = problem && typeof problem.traceId === 'string' ? problem.traceId : undefined;
  const said = describe(envelope, problem, redact);
  const details = { status: statusCode, upstreamErrorCode, traceId };

  const statusError = errorForStatus(statusCode, said, response.retryAfter, details, now);
  if (statusError) throw statusError;

  if (envelope) {
    if (envelope.success && statusCode >= 200 && statusCode < 300) return envelope.data;
    if (statusCode === 404 || upstreamErrorCode === 'ObjectNotFound') {
      throw new EcgridNotFoundError(said ?? 'ECGrid found no such object', details);
    }
    if (!envelope.success) {
      throw new EcgridApiError(said ?? `ECGrid answered ${statusCode} without a message`, details);
    }
    throw new EcgridBadResponseError(`ECGrid answered HTTP ${statusCode} with success: true`, details);
  }
  if (problem && statusCode >= 400 && statusCode < 500) {
    if (statusCode === 404) throw new EcgridNotFoundError(said ?? 'ECGrid found no such object', details);
    throw new EcgridApiError(said ?? `ECGrid answered ${statusCode}`, details);
  }
  throw new EcgridBadResponseError(
    `ECGrid answered HTTP ${statusCode} with a body that is not the documented envelope`,
    details,
  );
}

function errorForStatus(
  statusCode: number,
  said: string | undefined,
  retryAfterHeader: string | undefined,
  details: { status: number; upstreamErrorCode: string | undefined; traceId: string | undefined },
  now: number,
): EcgridError | undefined {
  if (statusCode === 401) {
    return new EcgridUnauthorizedError(said ?? 'ECGrid rejected the credential', details);
  }
  if (statusCode === 403) {
    return new EcgridForbiddenError(said ?? 'ECGrid denied access', details);
  }
  if (statusCode === 429) {
    return new EcgridRateLimitedError(
      said ?? 'ECGrid rate limit exceeded',
      parseRetryAfter(retryAfterHeader, now),
      details,
    );
  }
  if (statusCode >= 500) {
    return new EcgridUnavailableError(`ECGrid answered HTTP ${statusCode}`, 'status', details);
  }
  return undefined;
}

/** `Retry-After` as whole seconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asEnvelope(body: unknown): Envelope | undefined {
  if (!isObject(body) || typeof body['success'] !== 'boolean') return undefined;
  return body as unknown as Envelope;
}

function asProblemDetails(body: unknown): ProblemDetails | undefined {
  if (!isObject(body)) return undefined;
  if (typeof body['title'] !== 'string' && typeof body['detail'] !== 'string') return undefined;
  return body as ProblemDetails;
}

function describe(envelope: Envelope | undefined, problem: ProblemDetails | undefined, redact: Redact) {
  let text: string | undefined;
  if (envelope && typeof envelope.message === 'string' && envelope.message !== '') {
    text = envelope.message;
  } else if (problem) {
    const parts = [problem.title, problem.detail].filter((p): p is string => typeof p === 'string' && p !== '');
    if (isObject(problem.errors)) {
      for (const [field, messages] of Object.entries(problem.errors)) {
        const list = Array.isArray(messages) ? messages.filter((m) => typeof m === 'string') : [];
        parts.push(`${field}: ${list.join(' ')}`.trim());
      }
    }
    text = parts.join(' ');
  }
  if (text === undefined || text === '') return undefined;
  const clean = redact(text);
  return clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH)}…` : clean;
}
