/** The operation a request runs, found once per parsed document and operation name. */
import { type DocumentNode, getOperationAST, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

const byDocument = new WeakMap<DocumentNode, Map<string, OperationDefinitionNode | null>>();

/**
 * The operation a request runs. The request log, the metrics and the spans all ask for every
 * request; yoga caches parsed documents, so the answer is kept per document and operation name.
 */
export function operationOf(document: DocumentNode, operationName?: unknown): OperationDefinitionNode | null {
  const name = typeof operationName === 'string' && operationName !== '' ? operationName : '';
  let operations = byDocument.get(document);
  if (operations === undefined) {
    operations = new Map();
    byDocument.set(document, operations);
  }
  let operation = operations.get(name);
  if (operation === undefined) {
    operation = getOperationAST(document, name === '' ? undefined : name) ?? null;
    operations.set(name, operation);
  }
  return operation;
}

const rootFields = new WeakMap<OperationDefinitionNode, ReadonlySet<string>>();

/**
 * The names of the fields an operation selects at its root, through fragments (whatever @skip and
 * @include say): what the plugins that treat some root fields apart look at. Kept per operation.
 */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): ReadonlySet<string> {
  let names = rootFields.get(operation);
  if (names === undefined) {
    const found = new Set<string>();
    const seen = new Set<string>();
    const visit = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) found.add(selection.name.value);
        else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
        else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
          if (fragment?.kind === Kind.FRAGMENT_DEFINITION) visit(fragment.selectionSet);
        }
      }
    };
    visit(operation.selectionSet);
    names = found;
    rootFields.set(operation, names);
  }
  return names;
}
