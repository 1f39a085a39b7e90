// The example subgraph beside this server: `npm run example:acknowledgements` serves it on :4001 for the
// README's gateway; the gateway and federation tests start it on a free port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

/**
 * A second, independent subgraph: a partner-acknowledgement service that
 * extends Interchange (keyed on interchangeId) with the functional acknowledgement (X12 997 /
 * EDIFACT CONTRL) and refers back to interchanges that only the ECGrid subgraph can resolve.
 */
export const ACKNOWLEDGEMENTS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  scalar SafeInt

  type Interchange @key(fields: "interchangeId") {
    interchangeId: SafeInt!
    "The functional acknowledgement the trading partner returned, if any."
    acknowledgement: Acknowledgement
  }

  type Acknowledgement {
    status: String!
    interchange: Interchange
  }

  type Query {
    "Acknowledgements still to be reconciled, oldest first."
    pendingAcknowledgements: [Acknowledgement!]!
  }
`;

export interface AcknowledgementsSubgraph {
  readonly url: string;
  readonly typeDefs: ReturnType<typeof parse>;
  /** Headers of every request the gateway sent here. */
  readonly requests: Headers[];
  /** The interchange ids `pendingAcknowledgements` answers with. */
  pending: number[];
  close(): Promise<void>;
}

const statusOf = (interchangeId: number) => (interchangeId % 3 === 0 ? 'Rejected' : 'Accepted');

export async function startAcknowledgementsSubgraph(options: { port?: number; host?: string } = {}): Promise<AcknowledgementsSubgraph> {
  const typeDefs = parse(ACKNOWLEDGEMENTS_SDL);
  const requests: Headers[] = [];
  const state = { pending: [] as number[] };
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        pendingAcknowledgements: () => state.pending.map((interchangeId) => ({ interchangeId })),
      },
      Interchange: {
        __resolveReference: (reference: { interchangeId: number | string }) => ({ interchangeId: Number(reference.interchangeId) }),
        acknowledgement: ({ interchangeId }: { interchangeId: number }) => ({ interchangeId }),
      },
      Acknowledgement: {
        status: ({ interchangeId }: { interchangeId: number }) => statusOf(interchangeId),
        interchange: ({ interchangeId }: { interchangeId: number }) => ({ __typename: 'Interchange', interchangeId }),
      },
    },
  });
  const yoga = createYoga({
    schema,
    logging: false,
    plugins: [{ onRequest: ({ request }) => void requests.push(request.headers) }],
  });
  const server = createServer(yoga);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/graphql`,
    typeDefs,
    requests,
    get pending() {
      return state.pending;
    },
    set pending(ids: number[]) {
      state.pending = ids;
    },
    close: () => closeServer(server),
  };
}

export { statusOf as acknowledgementStatusOf };

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const subgraph = await startAcknowledgementsSubgraph({ port: 4001, host: 'localhost' });
  // Some interchanges of the simulator's first mailbox, so that `pendingAcknowledgements` shows the join.
  subgraph.pending = [98_700_001, 98_700_002, 98_700_003];
  console.log(`example acknowledgements subgraph at ${subgraph.url}`);
  const stop = () => void subgraph.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
