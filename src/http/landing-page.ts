/** GET /: a small page that points a browser to /graphql (GraphiQL) and the probes; JSON for other clients. */
import type { Plugin } from 'graphql-yoga';

const LINKS = [
  ['/graphql', 'the GraphQL endpoint'],
  ['/health', 'liveness'],
  ['/ready', 'readiness'],
  ['/metrics', 'Prometheus metrics'],
] as const;

function html(graphiql: boolean): string {
  const items = LINKS.map(([path, what]) => {
    const more = path === '/graphql' && graphiql ? ' (GraphiQL in a browser)' : '';
    return `<li><a href="${path}">${path}</a>: ${what}${more}</li>`;
  });
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>ECGrid GraphQL</title></head>',
    '<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">',
    '<h1>ECGrid GraphQL</h1>',
    '<p>A GraphQL server in front of the ECGrid REST API.</p>',
    `<ul>${items.join('')}</ul>`,
    '</body></html>',
  ].join('\n');
}

export function useLandingPage(options: { readonly graphiql: boolean }): Plugin {
  const page = html(options.graphiql);
  const json = JSON.stringify({
    name: 'ECGrid GraphQL',
    graphql: '/graphql',
    ...(options.graphiql ? { graphiql: '/graphql' } : {}),
    health: '/health',
    ready: '/ready',
    metrics: '/metrics',
  });
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const browser = request.headers.get('accept')?.includes('text/html') === true;
      endResponse(
        new fetchAPI.Response(browser ? page : json, {
          status: 200,
          headers: { 'content-type': browser ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8', vary: 'Accept' },
        }),
      );
    },
  };
}
