/** GET /health (yoga's health check, liveness): its answer gets a body, `{"status":"ok"}`, so that a browser shows something. */
import type { Plugin } from 'graphql-yoga';

const BODY = '{"status":"ok"}';

/** yoga answers its health check before any plugin's onRequest, with no body: the body is added to that answer. */
export function useHealthBody(endpoint = '/health'): Plugin {
  return {
    onResponse({ request, response, fetchAPI, setResponse }) {
      // The test yoga's health check uses, so that this fills exactly the answers it gave.
      if (!request.url.endsWith(endpoint) || response.status !== 200 || response.body !== null) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      setResponse(new fetchAPI.Response(BODY, { status: 200, headers }));
    },
  };
}
