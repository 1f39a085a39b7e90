/**
 * Content negotiation before anything runs: a GET or POST of the GraphQL endpoint whose Accept
 * header lists no type yoga can answer in gets a readable 406 at once, not after execution.
 */
import type { Plugin } from 'graphql-yoga';

/** The media types of yoga 5's result processors (use-result-processor.js): regular, SSE, multipart. */
export const ANSWER_TYPES = ['application/graphql-response+json', 'application/json', 'text/event-stream', 'multipart/mixed'] as const;

const ANSWER_PARTS = ANSWER_TYPES.map((type) => type.split('/'));

/**
 * Whether yoga can answer a request with this Accept header: its own reading of the header
 * (result-processor/accept.js: no Accept is `*` + `/*`, parameters other than a charset are
 * ignored, a charset other than utf-8 drops the entry), except that an empty header lists nothing.
 */
export function acceptsAnswer(accept: string | null): boolean {
  if (accept === null) return true;
  for (const entry of accept.replace(/\s/g, '').toLowerCase().split(',')) {
    const [type = '', ...params] = entry.split(';');
    const charset = params.find((param) => param.includes('charset='));
    if (charset !== undefined && charset !== 'charset=utf-8') continue;
    const [major, minor] = type.split('/');
    if (ANSWER_PARTS.some(([m, s]) => (major === '*' || major === m) && (minor === '*' || minor === s))) return true;
  }
  return false;
}

const NOT_ACCEPTABLE_BODY = JSON.stringify({
  errors: [
    {
      message: `Not Acceptable: the Accept header lists none of the media types this endpoint answers in (${ANSWER_TYPES.join(', ')}).`,
      extensions: { code: 'BAD_REQUEST' },
    },
  ],
});

/**
 * GraphiQL's browser GET is answered by yoga before this hook, and preflights are not GET or POST.
 * A refused request is neither parsed nor executed, so it costs no upstream call.
 */
export function useContentNegotiation(endpoint: string): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'POST' && request.method !== 'GET') return;
      if (url.pathname !== endpoint && url.pathname !== `${endpoint}/`) return;
      if (acceptsAnswer(request.headers.get('accept'))) return;
      endResponse(
        new fetchAPI.Response(NOT_ACCEPTABLE_BODY, {
          status: 406,
          headers: { 'content-type': 'application/json; charset=utf-8', vary: 'Accept' },
        }),
      );
    },
  };
}
