import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { getComposedSchemaFromConfig } from '@graphql-mesh/compose-cli';
import { DefaultLogger } from '@graphql-mesh/utils';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

/**
 * Peer for scenario D: the graph a user would generate from an OpenAPI document: GraphQL Mesh
 * composes bench/openapi/ecgrid.yaml into a supergraph (as `mesh-compose` does), and Hive
 * Gateway's runtime serves it, forwarding the caller's X-API-Key. The list POSTs are placed on
 * Query so the same read queries can be sent.
 */
const baseUrl = process.env['ECGRID_BASE_URL'] ?? 'http://127.0.0.1:4010';
const port = Number(process.env['PORT'] ?? 4300);

const supergraph = await getComposedSchemaFromConfig(
  {
    subgraphs: [
      {
        sourceHandler: loadOpenAPISubgraph('ECGrid', {
          source: fileURLToPath(new URL('../openapi/ecgrid.yaml', import.meta.url)),
          endpoint: baseUrl,
          operationHeaders: { 'X-API-Key': "{context.headers['x-api-key']}" },
          selectQueryOrMutationField: [
            { type: 'query', fieldName: 'inboxList' },
            { type: 'query', fieldName: 'outboxList' },
          ],
        }),
      },
    ],
  },
  new DefaultLogger('mesh-compose'),
);

const gateway = createGatewayRuntime({ supergraph, logging: false });
const server = createServer(gateway);
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`Hive Gateway (OpenAPI source) on http://127.0.0.1:${port}/graphql\n`));
if (process.env['PRINT_SCHEMA']) process.stdout.write(`${supergraph}\n`);
