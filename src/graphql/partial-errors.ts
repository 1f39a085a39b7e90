/** Errors of non-null fields answered with a fallback value, appended to the result. */
import { GraphQLError, type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.js';

/**
 * Records an error for a non-null field that is answered with a fallback value because the
 * upstream value is unusable: the field keeps its record (and page) alive, the error says why.
 */
export function reportFallback(context: Context, info: GraphQLResolveInfo, message: string): void {
  context.partialErrors.push(
    new GraphQLError(message, {
      nodes: info.fieldNodes,
      path: responsePathAsArray(info.path),
      extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
    }),
  );
}

export function usePartialErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const { partialErrors } = args.contextValue as Context;
          if (partialErrors.length === 0 || Symbol.asyncIterator in result) return;
          setResult({ ...result, errors: [...(result.errors ?? []), ...partialErrors] });
        },
      };
    },
  };
}
