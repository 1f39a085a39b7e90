import { toClientError } from '../errors.js';

const CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_ERROR',
  'UPSTREAM_BAD_RESPONSE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

/** The code a client sees for an execution error, from a bounded set (`other` for anything else). */
export function clientErrorCode(error: unknown): string {
  const code = toClientError(error).extensions['code'];
  return typeof code === 'string' && CODES.has(code) ? code : 'other';
}
