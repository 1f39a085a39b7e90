import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { getComposedSchemaFromConfig } from '@graphql-mesh/compose-cli';
import { DefaultLogger } from '@graphql-mesh/utils';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

/**
 * Peer for scenario D: the graph a user would generate from an OpenAPI document: GraphQL Mesh
 * composes bench/openapi/ecgrid.yaml into a supergraph (as `mesh-compose` does), and Hive
 * Gateway's runtime serves it, forwarding the caller's X-API-Key. The read POSTs (the lists and
 * the reports) are placed on Query so the same read queries can be sent. The links (an
 * interchange's parcel, a parcel's partners, a user's mailbox) are Mesh's schema extensions:
 * `additionalTypeDefs` with `@resolveTo`, each delegating to the lookup by id. The OpenAPI
 * document's own `links` would only reach a response's top level (the envelope), not the rows of a page.
 */
const baseUrl = process.env['ECGRID_BASE_URL'] ?? 'http://127.0.0.1:4010';
const port = Number(process.env['PORT'] ?? 4300);

const link = (field: string, required: string, args: string) =>
  `@resolveTo(sourceName: "ECGrid", sourceTypeName: "Query", sourceFieldName: "${field}", requiredSelectionSet: "{ ${required} }", sourceArgs: { ${args} })`;

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
            { type: 'query', fieldName: 'trafficStats' },
            { type: 'query', fieldName: 'interchangeStats' },
            { type: 'query', fieldName: 'instantStats' },
          ],
        }),
      },
    ],
    additionalTypeDefs: /* GraphQL */ `
      extend type Interchange {
        parcel: parcel_response ${link('parcel', 'parcelId', 'parcelId: "{root.parcelId}"')}
      }
      extend type Parcel {
        from: tradingPartner_response ${link('tradingPartner', 'ecGridIdFrom', 'ecGridId: "{root.ecGridIdFrom}"')}
        to: tradingPartner_response ${link('tradingPartner', 'ecGridIdTo', 'ecGridId: "{root.ecGridIdTo}"')}
      }
      extend type User {
        mailbox: mailbox_response ${link('mailbox', 'mailboxId', 'mailboxId: "{root.mailboxId}"')}
      }
    `,
  },
  new DefaultLogger('mesh-compose'),
);

const gateway = createGatewayRuntime({ supergraph, logging: false });
const server = createServer(gateway);
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`Hive Gateway (OpenAPI source) on http://127.0.0.1:${port}/graphql\n`));
if (process.env['PRINT_SCHEMA']) process.stdout.write(`${supergraph}\n`);
