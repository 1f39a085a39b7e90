/**
 * The one list of error codes clients see, and the one place errors become GraphQL errors:
 * upstream errors get the contract's codes, input errors BAD_USER_INPUT, anything else is masked.
 */
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { EcgridError, EcgridRateLimitedError } from '../upstream/errors.js';

/** Every `extensions.code` this server answers with. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_ERROR',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_CALL_BUDGET_EXCEEDED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** An argument the server rejects itself, before any upstream call (BAD_USER_INPUT). */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
  readonly argument: string | undefined;

  constructor(message: string, argument?: string) {
    super(message);
    this.argument = argument;
  }
}

const UPSTREAM_CODES: Record<EcgridError['code'], ErrorCode> = {
  NO_CREDENTIAL: 'UNAUTHENTICATED',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'UPSTREAM_ERROR',
  RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  API_ERROR: 'UPSTREAM_ERROR',
  BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  CALL_BUDGET: 'UPSTREAM_CALL_BUDGET_EXCEEDED',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** Messages quote input (graphql-js prints a bad value whole): a client gets an excerpt at most. */
export const MAX_MESSAGE_LENGTH = 300;

const INTERNAL_MESSAGE = 'Unexpected error.';

/** The error's code and public extensions, or undefined for an error that must be masked. */
function describe(error: unknown): { message: string; extensions: Record<string, unknown> } | undefined {
  if (error instanceof EcgridError) {
    const code = UPSTREAM_CODES[error.code];
    const extensions: Record<string, unknown> = { code };
    if (error.status !== undefined) extensions['upstreamStatus'] = error.status;
    if (error.upstreamErrorCode !== undefined) extensions['upstreamErrorCode'] = error.upstreamErrorCode;
    if (error.traceId !== undefined) extensions['traceId'] = error.traceId;
    if (error instanceof EcgridRateLimitedError && error.retryAfter !== undefined) {
      extensions['retryAfter'] = error.retryAfter;
    }
    return { message: error.message, extensions };
  }
  if (error instanceof BadInputError) {
    return {
      message: error.message,
      extensions: { code: 'BAD_USER_INPUT', ...(error.argument ? { argumentName: error.argument } : {}) },
    };
  }
  return undefined;
}

/** Upstream errors (a bad value of a record too) and input errors: answered with a code, not bugs. */
export function isExpectedError(error: unknown): boolean {
  return describe(error instanceof GraphQLError ? error.originalError : error) !== undefined;
}

/**
 * What clients see of an error: upstream and input errors get the contract's codes; GraphQL's
 * own errors (syntax, validation, variables) pass as they are; anything else is masked, with no
 * stack and no message, whatever NODE_ENV says.
 */
export function toClientError(error: unknown): GraphQLError {
  const graphQLError = error instanceof GraphQLError ? error : undefined;
  const original = graphQLError ? graphQLError.originalError : error;
  const known = describe(original);
  if (known) {
    return new GraphQLError(known.message, {
      nodes: graphQLError?.nodes,
      source: graphQLError?.source,
      positions: graphQLError?.positions,
      path: graphQLError?.path,
      extensions: { ...graphQLError?.extensions, ...known.extensions },
    });
  }
  if (graphQLError && (original === undefined || original instanceof GraphQLError)) {
    return graphQLError;
  }
  return new GraphQLError(INTERNAL_MESSAGE, {
    nodes: graphQLError?.nodes,
    source: graphQLError?.source,
    positions: graphQLError?.positions,
    path: graphQLError?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/** The code a client sees for an error, from the bounded list above (`other` for anything else): a metrics label. */
export function clientErrorCode(error: unknown): string {
  const code = toClientError(error).extensions['code'];
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other';
}

/**
 * Cuts every error message of a result to an excerpt, whichever phase made it (parsing,
 * validation, variables, execution), on every path (yoga's and the fast path's).
 */
export function useErrorExcerpts(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.some((error) => error.message.length > MAX_MESSAGE_LENGTH)) return;
      setResult({ ...(result as ExecutionResult), errors: result.errors.map(excerpt) });
    },
  };
}

function excerpt(error: GraphQLError): GraphQLError {
  if (error.message.length <= MAX_MESSAGE_LENGTH) return error;
  return new GraphQLError(`${error.message.slice(0, MAX_MESSAGE_LENGTH)}…`, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}
