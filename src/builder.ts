import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { Context } from './context.js';
import { decodeInterchangeGlobalId } from './global-id.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    SafeInt: { Input: number; Output: number };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin],
  relay: {
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    decodeGlobalID: decodeInterchangeGlobalId,
    // Interchange is the only Node type (decodeGlobalID accepts no other).
    nodeTypeOptions: { resolveType: () => 'Interchange' },
    // Per id, so one failing lookup answers null with its own error, not the whole list.
    nodesQueryOptions: {
      resolve: (_root, { ids }, context) => ids.map(({ id }) => context.ecgrid.interchangeById.load(Number(id))),
    },
  },
});

builder.queryType({});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('SafeInt', SafeIntResolver);
