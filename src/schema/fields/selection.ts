/** What an operation selects under a field, so resolvers fetch only what it reads. */
import {
  type FieldNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * Names of the fields selected directly under the current field (through fragments, honouring
 * @skip and @include), so a resolver can fetch only what the operation reads.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) visit(node.selectionSet);
  return names;
}

/**
 * The parts of a connection the operation reads: a connection fetches rows only for `edges`, and
 * only the total (the smallest upstream page) for `pageInfo` or `totalCount` alone.
 */
export function connectionNeeds(info: GraphQLResolveInfo): { edges: boolean; pageInfo: boolean; totalCount: boolean } {
  const selected = selectedFieldNames(info);
  return { edges: selected.has('edges'), pageInfo: selected.has('pageInfo'), totalCount: selected.has('totalCount') };
}

function included(node: Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
}
