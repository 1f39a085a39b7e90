/** The upstream-call budget: an operation that could cause too many ECGrid calls is refused before it runs. */
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationOf } from './operation.js';

/**
 * The upstream-call budget: an operation whose shape could cause more ECGrid calls than the limit
 * is refused before anything runs, with no upstream call. Its cost is the schema's complexity
 * (each field that calls ECGrid sets its own; everything else is free), counted by Pothos.
 *
 * Why not Pothos' own check, from every root field's resolver: it counts the operation again on
 * every request, a visible share of a page's CPU (bench/README.md). Here an operation without
 * variables is counted once. One with variables is counted on every request: its cost depends
 * on them, and they are the caller's data, which no cache here may keep.
 */
export function useUpstreamCallBudget(maxUpstreamCalls: number): Plugin {
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = operationOf(args.document, args.operationName);
      if (!operation) return;
      const fixed = !operation.variableDefinitions?.length;
      let cost = fixed ? fixedCosts.get(operation) : undefined;
      if (cost === undefined) {
        try {
          cost = complexityFromQuery(alone(operation, args.document), {
            schema: args.schema,
            variables: (args.variableValues ?? {}) as Record<string, unknown>,
          }).complexity;
        } catch {
          // Variables that cannot be coerced: execution refuses them with GraphQL's own message.
          return;
        }
        if (fixed) fixedCosts.set(operation, cost);
      }
      if (cost > maxUpstreamCalls) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`This operation could cause ${cost} ECGrid calls; the limit is ${maxUpstreamCalls}`, {
              nodes: operation,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost: maxUpstreamCalls, http: { status: 400 } },
            }),
          ],
        });
      }
    },
  };
}

/** The operation with the document's fragments: Pothos counts a document's first operation. */
function alone(operation: OperationDefinitionNode, document: DocumentNode): DocumentNode {
  if (document.definitions[0] === operation) return document;
  return { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}
