// A Hive Gateway configuration for a supergraph that includes the ECGrid subgraph. Hive Gateway's CLI
// reads it when run in this folder, beside the supergraph.graphql that `npm run supergraph` writes
// (README: "Federate it"); test/federation/gateway.test.ts runs this same `propagateHeaders` in a real gateway.
import type { GatewayConfigSupergraph, PropagateHeadersOpts } from '@graphql-hive/gateway-runtime';

/** The name the ECGrid subgraph has in your composition (`--name` / service name). */
export const ECGRID_SUBGRAPH = 'ecgrid';

// The caller's ECGrid credential goes to the ECGrid subgraph and to no other subgraph: it is the
// caller's key to their EDI mailbox. x-request-id is passed on to ECGrid, to correlate a call with the gateway request.
const FORWARDED = ['x-api-key', 'authorization', 'x-request-id'] as const;

export const propagateHeaders: PropagateHeadersOpts<Record<string, unknown>> = {
  fromClientToSubgraphs: ({ request, subgraphName }) => {
    if (subgraphName !== ECGRID_SUBGRAPH) return {};
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return headers;
  },
};

export const gatewayConfig: GatewayConfigSupergraph = {
  supergraph: './supergraph.graphql',
  propagateHeaders,
};
