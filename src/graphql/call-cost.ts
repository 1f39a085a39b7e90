/**
 * The ECGrid calls an operation's shape and arguments fix, counted before it runs: the sum of the
 * `complexity` each field that calls ECGrid declares (a number, or a function of its arguments).
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  GraphQLSkipDirective,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

type Cost = number | ((args: Record<string, unknown>) => number) | { readonly field?: number } | undefined;

/**
 * Fields that call nothing (`__typename`, introspection, plain properties) cost nothing. Calls a
 * link makes for each row depend on the data: they are counted as they are made (the client's
 * per-request budget), not here.
 */
export function callCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const included = (node: FieldNode | SelectionSetNode['selections'][number]) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;

  const ofSelections = (selectionSet: SelectionSetNode, type: GraphQLNamedType, path: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        total += ofField(selection, type, path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type;
        total += ofSelections(selection.selectionSet, on, path);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation refused cycles already; the path keeps a hand-made document from looping.
        if (!fragment || path.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) ?? type;
        total += ofSelections(fragment.selectionSet, on, new Set([...path, name]));
      }
    }
    return total;
  };

  const ofField = (node: FieldNode, type: GraphQLNamedType, path: ReadonlySet<string>): number => {
    if (!isObjectType(type) && !isInterfaceType(type)) return 0;
    const field = type.getFields()[node.name.value];
    if (!field) return 0;
    const declared = field.extensions['complexity'] as Cost;
    let own = 0;
    if (typeof declared === 'number') own = declared;
    else if (typeof declared === 'function') own = declared(getArgumentValues(field, node, variables));
    else if (declared !== undefined && typeof declared.field === 'number') own = declared.field;
    const below = node.selectionSet ? ofSelections(node.selectionSet, getNamedType(field.type), path) : 0;
    return own + below;
  };

  return ofSelections(operation.selectionSet, root, new Set());
}
