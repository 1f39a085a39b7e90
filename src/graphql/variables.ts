/**
 * A request's variables, checked before graphql-js coerces them: bounded in size and depth, then
 * coerced stopping at the first error, so that bad input costs time linear in its size.
 */
import { getVariableValues, GraphQLError, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';

/** JSON values (objects, lists, scalars) one request's variables may hold; more is not a GraphQL request of this API. */
export const MAX_VARIABLE_VALUES = 10_000;
export const MAX_VARIABLE_DEPTH = 12;

/** As graphql's executor answers variables it cannot coerce: a 400, whatever the media type. */
const REFUSED = { code: 'BAD_USER_INPUT', http: { status: 400 } };

/** What is wrong with the variables' shape, or undefined; one pass, no recursion. */
function shapeProblem(variables: unknown): string | undefined {
  const stack: [value: unknown, depth: number][] = [[variables, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    values += 1;
    if (values > MAX_VARIABLE_VALUES) return `variables: more than ${MAX_VARIABLE_VALUES} values`;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_VARIABLE_DEPTH) return `variables: nested deeper than ${MAX_VARIABLE_DEPTH} levels`;
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push([item, depth + 1]);
  }
  return undefined;
}

/** The coerced variables, or the one error that refuses them (BAD_USER_INPUT; the message is cut where errors are mapped). */
export function coerceVariables(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  inputs: Record<string, unknown> | undefined,
): { variables: Record<string, unknown> } | { error: GraphQLError } {
  const problem = shapeProblem(inputs ?? {});
  if (problem) return { error: new GraphQLError(problem, { extensions: REFUSED }) };
  const coerced = getVariableValues(schema, definitions, inputs ?? {}, { maxErrors: 1 });
  if (coerced.errors) {
    const [first] = coerced.errors;
    return { error: new GraphQLError(first!.message, { nodes: first!.nodes, extensions: REFUSED }) };
  }
  return { variables: coerced.coerced };
}
