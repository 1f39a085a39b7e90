/** The Pothos schema builder: its context type, scalars and plugins. Configuration only. */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context.js';
import { decodeGlobalId } from './node.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    SafeInt: { Input: number; Output: number };
  };
  /** A connection answers its list's total (ECGrid's totalRecords), or null where ECGrid sends none. */
  Connection: { readonly totalCount: number | null };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ComplexityPlugin, RelayPlugin, DirectivePlugin, FederationPlugin],
  // graphql-tools' format, so schema printers (codegen, graphql-inspector) read the federation directives.
  directives: { useGraphQLToolsUnorderedDirectives: true },
  // Complexity counts upstream calls: fields that call ECGrid set their own, all else is free.
  // It is checked before execution, once per operation (graphql/upstream-call-budget.ts).
  complexity: { defaultComplexity: 0, defaultListMultiplier: 1, disabled: true },
  relay: {
    // Every Relay subgraph defines the same PageInfo: shareable, so a supergraph may compose them.
    pageInfoTypeOptions: { shareable: true },
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    // An edge's node is a plain property: marked as Pothos marks exposed fields, it gets no
    // resolver, and graphql-jit reads it inline rather than calling one per edge.
    nodeFieldOptions: { nullable: false, extensions: { pothosExposedField: 'node' } },
    // Ids of the Node types registered in node.ts; anything else is BAD_USER_INPUT.
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: { complexity: 1 },
    // node-fields.ts defines `nodes`, decoding each id on its own: Pothos decodes the list as one
    // argument, so a single bad id would fail the whole field.
    nodesQueryOptions: false,
  },
});

builder.queryType({});

// graphql-scalars' DateTime hands the Date itself to the response, and JSON.stringify then calls
// its toJSON from native code: a third of a 20-row page's serialization (bench/README.md).
// The same text, made while executing. Fields that read ECGrid's times hand over that text
// already (upstream/records/values.ts); any other value is checked and converted by graphql-scalars.
const ISO_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
builder.addScalarType('DateTime', DateTimeResolver, {
  serialize: (value) => (typeof value === 'string' && ISO_TEXT.test(value) ? value : (DateTimeResolver.serialize(value) as Date).toISOString()),
});
builder.addScalarType('SafeInt', SafeIntResolver);
