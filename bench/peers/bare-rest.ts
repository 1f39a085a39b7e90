import { createServer } from 'node:http';
import { createUpstreamDispatcher } from '../../src/upstream/transport/dispatcher.js';

/**
 * The floor for scenario A: a bare node:http handler that answers the mailboxStats query by
 * making the same upstream call through the same undici client our server uses (its production
 * dispatcher, with the default settings), and writing the GraphQL-shaped JSON. No GraphQL at all.
 */
const baseUrl = new URL(process.env['ECGRID_BASE_URL'] ?? 'http://127.0.0.1:4010');
const port = Number(process.env['PORT'] ?? 4100);
const dispatcher = createUpstreamDispatcher({ connectTimeoutMs: 3_000, connections: 64 });

const server = createServer((req, res) => {
  // Read the request body as a GraphQL server would, then ignore it: this handler knows one query.
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const apiKey = req.headers['x-api-key'];
    dispatcher
      .request({
        origin: baseUrl.origin,
        path: '/v2/reports/mailbox-interchange-stats',
        method: 'GET',
        headers: { accept: 'application/json', ...(typeof apiKey === 'string' ? { 'x-api-key': apiKey } : {}) },
      })
      .then(async ({ statusCode, body }) => {
        const envelope = (await body.json()) as { data?: unknown };
        const text = JSON.stringify({ data: { mailboxStats: envelope.data ?? null } });
        res.writeHead(statusCode === 200 ? 200 : 502, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      })
      .catch(() => {
        res.writeHead(502).end();
      });
  });
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`bare REST handler on http://127.0.0.1:${port}\n`));
