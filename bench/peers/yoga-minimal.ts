import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { createUpstreamDispatcher } from '../../src/upstream/transport/dispatcher.js';

/**
 * Scale for scenario A: the stack this server is built on with nothing of ours, graphql-yoga with
 * its defaults (no Pothos, plugins, loaders, limits, logs or metrics) and one resolver making the
 * same upstream call as the bare handler through the same production dispatcher: what the
 * obvious minimal yoga server costs over a bare node:http handler.
 */
const baseUrl = new URL(process.env['ECGRID_BASE_URL'] ?? 'http://127.0.0.1:4010');
const port = Number(process.env['PORT'] ?? 4100);
const dispatcher = createUpstreamDispatcher({ connectTimeoutMs: 3_000, connections: 64 });

const schema = createSchema<{ request: Request }>({
  typeDefs: /* GraphQL */ `
    type MailboxStats { sent: Int, received: Int, totalBytes: Float, period: String }
    type Query { mailboxStats: MailboxStats }
  `,
  resolvers: {
    Query: {
      mailboxStats: async (_root, _args, { request }) => {
        const apiKey = request.headers.get('x-api-key');
        const { statusCode, body } = await dispatcher.request({
          origin: baseUrl.origin,
          path: '/v2/reports/mailbox-interchange-stats',
          method: 'GET',
          headers: { accept: 'application/json', ...(apiKey !== null ? { 'x-api-key': apiKey } : {}) },
        });
        const envelope = (await body.json()) as { data?: unknown };
        if (statusCode !== 200) throw new Error(`ECGrid answered ${statusCode}`);
        return envelope.data ?? null;
      },
    },
  },
});

const yoga = createYoga({ schema, logging: false, landingPage: false, graphiql: false });
const server = createServer(yoga);
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`minimal graphql-yoga on http://127.0.0.1:${port}/graphql\n`));
