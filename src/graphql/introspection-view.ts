/**
 * What introspection, and so GraphiQL's Docs pane, shows: the graph without federation's plumbing
 * (`_entities`, `_service` and their types), which gateways still query by name as before.
 */
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationOf, rootFieldNames } from './operation.js';

const HIDDEN_TYPES = new Set(['_Any', '_Entity', '_Service']);
const HIDDEN_ROOT_FIELDS = new Set(['_entities', '_service']);

/**
 * Runs a query whose root selects only introspection fields (`__schema`, `__type`, `__typename`)
 * against the schema without federation's plumbing; every other operation against the whole one.
 * Must come before useJitExecution, which compiles an operation against the schema it runs with.
 */
export function useIntrospectionView(): Plugin {
  const views = new WeakMap<GraphQLSchema, GraphQLSchema>();
  return {
    onExecute({ args }) {
      const operation = operationOf(args.document, args.operationName);
      if (!operation) return;
      if (operation.operation !== 'query' || !onlyIntrospection(rootFieldNames(args.document, operation))) return;
      let view = views.get(args.schema);
      if (view === undefined) views.set(args.schema, (view = withoutFederation(args.schema)));
      // envelop runs the operation with these very args once every plugin's onExecute has seen them.
      (args as { schema: GraphQLSchema }).schema = view;
    },
  };
}

function onlyIntrospection(names: ReadonlySet<string>): boolean {
  for (const name of names) if (!name.startsWith('__')) return false;
  return true;
}

/** The schema with the same types and resolvers, less the federation fields of Query and the types only they use. */
export function withoutFederation(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) return schema;
  const queryConfig = query.toConfig();
  const visibleQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: Object.fromEntries(Object.entries(queryConfig.fields).filter(([name]) => !HIDDEN_ROOT_FIELDS.has(name))),
  });
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: visibleQuery,
    types: config.types.filter((type) => type !== query && !HIDDEN_TYPES.has(type.name)),
  });
}
