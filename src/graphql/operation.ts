/** The operation a request runs, found once per parsed document and operation name. */
import { type DocumentNode, getOperationAST, type OperationDefinitionNode } from 'graphql';

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
