/** Runs often-used queries as code compiled by graphql-jit, and everything jit would answer differently on graphql-js. */
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  locatedError,
  type OperationDefinitionNode,
  visit,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { operationOf, rootFieldNames } from './operation.js';

/**
 * The extension that marks a root field whose resolver returns one promise per list item.
 * graphql-jit (0.8.9) answers a rejected item by appending null to the list instead of setting it
 * at the item's index, so an item that fails before an earlier one settles moves or vanishes:
 * operations selecting such a field run on the normal executor.
 */
export const PER_ITEM_PROMISES = 'perItemPromises';

/**
 * Compiling costs more than a whole request: 0.2-0.7 ms for the example operations, ~40 ms for 20
 * aliased pages (as large as the limits allow). Compiling on a document's 10th run spares one-off
 * documents, and keeps the compiling a client can cause, per request, within what parsing and
 * validating a new document already costs.
 */
export const COMPILE_ON_RUN = 10;

interface Compiled {
  readonly query: CompiledQuery['query'];
  /** Field nodes by `line:column`: jit errors carry locations but no nodes. Built on first error. */
  fieldsAt?: Map<string, FieldNode>;
}

interface Entry {
  runs: number;
  /** null: runs on the normal executor. */
  compiled?: Compiled | null;
}

/**
 * Executes queries with graphql-jit: a document is compiled once, on its COMPILE_ON_RUN-th run,
 * then run as generated code.
 * Whatever jit would answer differently runs on the normal executor instead: documents it cannot
 * compile (mutations and subscriptions, which the schema lacks, among others), the root fields
 * above, and variables it cannot coerce (answered before any resolver ran, so the normal
 * executor's 400 and messages hold). Must come before plugins that wrap execution (spans).
 */
export function useJitExecution(): Plugin {
  // By operation node: yoga caches parsed documents, and operationOf caches their operations.
  const entries = new WeakMap<OperationDefinitionNode, Entry>();

  function compiledFor(document: DocumentNode, operationName: unknown, schema: GraphQLSchema) {
    const operation = operationOf(document, operationName);
    if (!operation) return null;
    let entry = entries.get(operation);
    if (!entry) entries.set(operation, (entry = { runs: 0 }));
    if (entry.compiled === undefined && ++entry.runs >= COMPILE_ON_RUN) entry.compiled = compile(schema, document, operation);
    return entry.compiled;
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const entry = compiledFor(args.document, args.operationName, args.schema);
      if (!entry) return;
      setExecuteFn((executeArgs) => {
        const ran = (result: ExecutionResult) =>
          'data' in result ? withNodes(result, entry, executeArgs.document) : executeFn(executeArgs);
        const result = entry.query(executeArgs.rootValue, executeArgs.contextValue, executeArgs.variableValues);
        return result instanceof Promise ? result.then(ran) : ran(result);
      });
    },
  };
}

function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Compiled | null {
  const perItem = perItemPromiseFields(schema);
  if (operation.operation !== 'query' || [...rootFieldNames(document, operation)].some((name) => perItem.has(name))) return null;
  const result = compileQuery(schema, document, operation.name?.value);
  return isCompiledQuery(result) ? { query: result.query } : null;
}

const perItemFields = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
function perItemPromiseFields(schema: GraphQLSchema): ReadonlySet<string> {
  let names = perItemFields.get(schema);
  if (names === undefined) {
    const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
    names = new Set(fields.filter((field) => field.extensions[PER_ITEM_PROMISES] === true).map((field) => field.name));
    perItemFields.set(schema, names);
  }
  return names;
}

/** jit's errors have locations but no nodes, so yoga and the error mask, which rebuild errors from nodes, drop them. */
function withNodes(result: ExecutionResult, entry: Compiled, document: DocumentNode): ExecutionResult {
  if (!result.errors?.length) return result;
  const fieldsAt = (entry.fieldsAt ??= indexFields(document));
  const errors = result.errors.map((error) => {
    const nodes = (error.locations ?? []).flatMap(({ line, column }) => fieldsAt.get(`${line}:${column}`) ?? []);
    return error.originalError
      ? locatedError(error.originalError, nodes, error.path)
      : new GraphQLError(error.message, { nodes, path: error.path, extensions: error.extensions });
  });
  return { ...result, errors };
}

function indexFields(document: DocumentNode): Map<string, FieldNode> {
  const fields = new Map<string, FieldNode>();
  visit(document, {
    Field(node) {
      if (node.loc) fields.set(`${node.loc.startToken.line}:${node.loc.startToken.column}`, node);
    },
  });
  return fields;
}
