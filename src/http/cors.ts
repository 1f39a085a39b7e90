/**
 * Cross-origin reads (CORS): none unless CORS_ORIGINS lists the caller's origin exactly. yoga's
 * `cors` option for app.ts, and the `Vary: Origin` its answers need when some origins are allowed.
 */
import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors'];

/** What a browser may send: the credential headers, CSRF prevention's headers, tracing and request ids. */
const ALLOWED_HEADERS = [
  'accept',
  'content-type',
  'authorization',
  'x-api-key',
  'x-request-id',
  'x-graphql-yoga-csrf',
  'x-requested-with',
  'traceparent',
  'tracestate',
];

/**
 * yoga's `cors` option: `false` (no CORS headers, preflights are not answered) when no origin is
 * listed; else, per request, the headers for a listed origin and none for any other.
 *
 * Not yoga's list form `{ origin: [...] }`: with one entry it names that origin to every caller, and
 * with several it answers an unlisted one `Access-Control-Allow-Origin: null` with credentials,
 * which a sandboxed page (whose Origin is `null`) may read.
 */
export function corsOption(origins: readonly string[] | undefined): CorsOption {
  if (origins === undefined || origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin,
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/** With origins listed, whether an answer carries CORS headers depends on Origin: caches must key on it. */
export function useCorsVary(origins: readonly string[] | undefined): Plugin {
  if (origins === undefined || origins.length === 0) return {};
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (vary === null) response.headers.set('vary', 'Origin');
      else if (!/(^|,)\s*(origin|\*)\s*(,|$)/i.test(vary)) response.headers.set('vary', `${vary}, Origin`);
    },
  };
}
