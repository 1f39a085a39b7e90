import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { Context } from './context.js';
import { decodeInterchangeGlobalId } from './global-id.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    SafeInt: { Input: number; Output: number };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ComplexityPlugin, RelayPlugin, DirectivePlugin, FederationPlugin],
  // graphql-tools' format, so schema printers (codegen, graphql-inspector) read the federation directives.
  directives: { useGraphQLToolsUnorderedDirectives: true },
  // Complexity counts upstream calls: fields that call ECGrid set their own, all else is free.
  // It is checked before execution, once per operation (src/upstream-call-budget.ts), not from
  // every root field's resolver.
  complexity: { defaultComplexity: 0, defaultListMultiplier: 1, disabled: true },
  relay: {
    // Every Relay subgraph defines the same PageInfo: shareable, so a supergraph may compose them.
    pageInfoTypeOptions: { shareable: true },
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    // An edge's node is a plain property: marked as Pothos marks exposed fields, it gets no
    // resolver, and graphql-jit reads it inline rather than calling one per edge.
    nodeFieldOptions: { nullable: false, extensions: { pothosExposedField: 'node' } },
    decodeGlobalID: decodeInterchangeGlobalId,
    // Interchange is the only Node type (decodeGlobalID accepts no other).
    nodeTypeOptions: { resolveType: () => 'Interchange' },
    // Per id, so one failing lookup answers null with its own error, not the whole list.
    nodeQueryOptions: { complexity: 1 },
    nodesQueryOptions: {
      complexity: (args) => args.ids.length,
      resolve: (_root, { ids }, context) => ids.map(({ id }) => context.ecgrid.interchangeById.load(Number(id))),
    },
  },
});

builder.queryType({});

// graphql-scalars' DateTime hands the Date itself to the response, and JSON.stringify then calls
// its toJSON from native code, about 1 µs a value: a third of a 20-row page's serialization.
// The same text, made while executing. Fields that read ECGrid's times hand over that text
// already (src/upstream/values.ts); any other value is checked and converted by graphql-scalars.
const ISO_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
builder.addScalarType('DateTime', DateTimeResolver, {
  serialize: (value) => (typeof value === 'string' && ISO_TEXT.test(value) ? value : (DateTimeResolver.serialize(value) as Date).toISOString()),
});
builder.addScalarType('SafeInt', SafeIntResolver);
