/**
 * GraphQL parameters from a URL query (GET) or a form body, with their JSON checked, and a readable
 * refusal of a body yoga has no parser for: a client's mistake is a 4xx with a hint, never an internal error.
 */
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';

/** The body types yoga 5 parses (its request-parser/*.js); it refuses others with an empty 415. */
const PARSED_TYPES = ['application/json', 'application/graphql+json', 'multipart/form-data', 'application/graphql'];
const FORM = 'application/x-www-form-urlencoded';

const badRequest = (message: string, status = 400, headers?: Record<string, string>) =>
  createGraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status, ...(headers ? { headers } : {}) } } });

/** The first listed type, as yoga reads it (request-parser/utils.js) but in any case or spacing: never refuse what yoga or the fast path reads. */
function isType(contentType: string | null, type: string): boolean {
  return contentType?.split(',')[0]!.split(';')[0]!.trim().toLowerCase() === type;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** A JSON object parameter: absent, `null`, or an object; anything else is the client's mistake. */
function jsonObject(text: string | null, name: 'variables' | 'extensions'): Record<string, unknown> | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the input: not echoed.
    throw badRequest(`The "${name}" parameter is not valid JSON: send a URL-encoded JSON object.`);
  }
  if (value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`The "${name}" parameter must be a JSON object, not ${kindOf(value)}.`);
  }
  return value as Record<string, unknown>;
}

function paramsOf(search: URLSearchParams): GraphQLParams {
  return {
    query: search.get('query') || undefined,
    operationName: search.get('operationName') || undefined,
    variables: jsonObject(search.get('variables'), 'variables'),
    extensions: jsonObject(search.get('extensions'), 'extensions'),
  };
}

function fromQueryString(request: Request): GraphQLParams {
  const start = request.url.indexOf('?');
  return paramsOf(new URLSearchParams(start === -1 ? '' : request.url.slice(start + 1)));
}

async function fromForm(request: Request): Promise<GraphQLParams> {
  const body = await request.text();
  const params = paramsOf(new URLSearchParams(body));
  // What `curl -d '{"query": ...}'` sends: JSON labelled as a form.
  if (params.query === undefined && /^\s*[[{]/.test(body)) {
    throw badRequest(`The body looks like JSON but its Content-Type is ${FORM}: send it with Content-Type: application/json.`);
  }
  return params;
}

/**
 * Replaces yoga's GET and form parsers, whose JSON.parse errors would be masked as internal
 * errors. Must come before useBodyLimit, which wraps the parser chosen here.
 */
export function useRequestParams(): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === 'GET') return setRequestParser(fromQueryString);
      if (request.method !== 'POST') return;
      const contentType = request.headers.get('content-type');
      if (isType(contentType, FORM)) return setRequestParser(fromForm);
      if (PARSED_TYPES.some((type) => isType(contentType, type))) return;
      const given = contentType === null || contentType === '' ? 'no Content-Type' : `Content-Type "${contentType.slice(0, 60)}"`;
      throw badRequest(`A GraphQL POST with ${given}: send the request as JSON with Content-Type: application/json.`, 415, {
        Accept: [...PARSED_TYPES, FORM].join(', '),
      });
    },
  };
}
