/**
 * Errors of the ECGrid client. Each carries a stable `code`; the GraphQL layer maps codes to the
 * contract's error codes in one place (src/graphql/errors.ts). Messages never contain the credential.
 */
export type EcgridErrorCode =
  | 'NO_CREDENTIAL'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'API_ERROR'
  | 'BAD_RESPONSE'
  | 'CALL_BUDGET'
  | 'TOO_LARGE';

export interface EcgridErrorDetails {
  /** HTTP status of the upstream answer, when there was one. */
  readonly status?: number | undefined;
  /** ECGrid's `errorCode` from the envelope (e.g. `InvalidParameter`). */
  readonly upstreamErrorCode?: string | undefined;
  /** ASP.NET ProblemDetails `traceId`, quoted to ECGrid support. */
  readonly traceId?: string | undefined;
  readonly cause?: unknown;
}

export abstract class EcgridError extends Error {
  abstract readonly code: EcgridErrorCode;
  readonly status: number | undefined;
  readonly upstreamErrorCode: string | undefined;
  readonly traceId: string | undefined;

  constructor(message: string, details: EcgridErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.upstreamErrorCode = details.upstreamErrorCode;
    this.traceId = details.traceId;
  }
}

/** The request carries no credential and no service key is configured; nothing was sent. */
export class EcgridNoCredentialError extends EcgridError {
  readonly code = 'NO_CREDENTIAL';
}

export class EcgridUnauthorizedError extends EcgridError {
  readonly code = 'UNAUTHORIZED';
}

export class EcgridForbiddenError extends EcgridError {
  readonly code = 'FORBIDDEN';
}

/** 404: absent, or not visible to the caller (ECGrid does not tell the two apart). */
export class EcgridNotFoundError extends EcgridError {
  readonly code = 'NOT_FOUND';
}

export class EcgridRateLimitedError extends EcgridError {
  readonly code = 'RATE_LIMITED';
  /** Seconds the caller should wait, from `Retry-After`, when ECGrid sent one. */
  readonly retryAfter: number | undefined;

  constructor(message: string, retryAfter: number | undefined, details: EcgridErrorDetails = {}) {
    super(message, details);
    this.retryAfter = retryAfter;
  }
}

export type UnavailableReason = 'timeout' | 'network' | 'status' | 'circuit-open';

/** Network failure, timeout or 5xx (after any retries). */
export class EcgridUnavailableError extends EcgridError {
  readonly code = 'UNAVAILABLE';
  readonly reason: UnavailableReason;

  constructor(message: string, reason: UnavailableReason, details: EcgridErrorDetails = {}) {
    super(message, details);
    this.reason = reason;
  }
}

/** ECGrid answered `success: false` (or a ProblemDetails 4xx) with a status not covered above. */
export class EcgridApiError extends EcgridError {
  readonly code = 'API_ERROR';
}

/** The request has made as many ECGrid calls as it may (MAX_UPSTREAM_CALLS); this one was not sent. */
export class EcgridCallBudgetError extends EcgridError {
  readonly code = 'CALL_BUDGET';
}

/** A file larger than this server passes on (MAX_CONTENT_BYTES): refused before the call when its size is known, else unread past the bound. */
export class EcgridTooLargeError extends EcgridError {
  readonly code = 'TOO_LARGE';
}

/** ECGrid answered something that is not the documented envelope. */
export class EcgridBadResponseError extends EcgridError {
  readonly code = 'BAD_RESPONSE';
}

/**
 * One value of an answer is not what ECGrid documents. It stands in for that value, so the value
 * alone is lost: the rest of the answer is still served.
 */
export class EcgridBadValueError extends EcgridBadResponseError {}
