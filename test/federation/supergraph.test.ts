/** examples/hive-gateway/supergraph.graphql is what `npm run supergraph` composes from the code as it is. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, LOCAL_SUBGRAPHS, SUPERGRAPH_FILE } from '../../examples/hive-gateway/supergraph.js';

describe('the example supergraph', () => {
  it('is checked in, and matches subgraph.graphql composed with the example subgraph (else: npm run supergraph)', () => {
    expect(existsSync(SUPERGRAPH_FILE), 'run `npm run supergraph`').toBe(true);
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });

  it('routes to the subgraphs where the README runs them', () => {
    const sdl = composeSupergraph();
    expect(sdl).toContain(`ECGRID @join__graph(name: "ecgrid", url: "${LOCAL_SUBGRAPHS.ecgrid}")`);
    expect(sdl).toContain(`ACKNOWLEDGEMENTS @join__graph(name: "acknowledgements", url: "${LOCAL_SUBGRAPHS.acknowledgements}")`);
  });

  it('names what does not compose', () => {
    expect(() => composeSupergraph(LOCAL_SUBGRAPHS, 'type Query { inbox: String }\ntype Interchange { interchangeId: Int }')).toThrow(/do not compose/);
  });
});
