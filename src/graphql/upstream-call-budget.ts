/**
 * The upstream-call budget: an operation whose shape and arguments could cause more ECGrid calls
 * than MAX_UPSTREAM_CALLS is refused before anything runs, with no upstream call. Its variables
 * are checked here first, so bad input is refused in time linear in its size.
 */
import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { callCost } from './call-cost.js';
import { operationOf } from './operation.js';
import { coerceVariables } from './variables.js';

/**
 * An operation without variables is counted once (yoga caches parsed documents). One with
 * variables is counted on every request: its cost depends on them, and they are the caller's
 * data, which no cache here may keep.
 */
export function useUpstreamCallBudget(maxUpstreamCalls: number): Plugin {
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = operationOf(args.document, args.operationName);
      if (!operation) return;
      const definitions = operation.variableDefinitions ?? [];
      let cost = definitions.length === 0 ? fixedCosts.get(operation) : undefined;
      if (cost === undefined) {
        let variables: Record<string, unknown> = {};
        if (definitions.length > 0) {
          const coerced = coerceVariables(args.schema, definitions, args.variableValues as Record<string, unknown> | undefined);
          if ('error' in coerced) {
            setResultAndStopExecution({ errors: [coerced.error] });
            return;
          }
          variables = coerced.variables;
        }
        cost = callCost(args.schema, args.document, operation, variables);
        if (definitions.length === 0) fixedCosts.set(operation, cost);
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
