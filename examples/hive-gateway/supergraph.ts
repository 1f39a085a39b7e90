// `npm run supergraph`: composes this server's subgraph (subgraph.graphql) with the example acknowledgements
// subgraph into examples/hive-gateway/supergraph.graphql, the supergraph Hive Gateway serves (README, "Federate it").
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { ACKNOWLEDGEMENTS_SDL } from './acknowledgements-subgraph.js';
import { ECGRID_SUBGRAPH } from './gateway.config.js';

export const SUPERGRAPH_FILE = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

/** Where the subgraphs run for the README's gateway: `npm start`'s default port, and the one beside it. */
export const LOCAL_SUBGRAPHS = {
  ecgrid: 'http://localhost:4000/graphql',
  acknowledgements: 'http://localhost:4001/graphql',
} as const;

export interface SubgraphUrls {
  readonly ecgrid: string;
  readonly acknowledgements: string;
}

/** The supergraph SDL of the two subgraphs at these URLs; throws with the composer's messages when they do not compose. */
export function composeSupergraph(
  urls: SubgraphUrls = LOCAL_SUBGRAPHS,
  ecgridSdl: string = readFileSync(new URL('../../subgraph.graphql', import.meta.url), 'utf8'),
): string {
  const composed = composeServices([
    { name: ECGRID_SUBGRAPH, typeDefs: parse(ecgridSdl), url: urls.ecgrid },
    { name: 'acknowledgements', typeDefs: parse(ACKNOWLEDGEMENTS_SDL), url: urls.acknowledgements },
  ]);
  if (composed.errors) throw new Error(`the subgraphs do not compose:\n${composed.errors.map((error) => `  ${error.message}`).join('\n')}`);
  return composed.supergraphSdl;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  console.log(`${relative(process.cwd(), SUPERGRAPH_FILE)}: ecgrid at ${LOCAL_SUBGRAPHS.ecgrid}, acknowledgements at ${LOCAL_SUBGRAPHS.acknowledgements}`);
}
