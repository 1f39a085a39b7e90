import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { App } from '../../src/app.js';
import { gql, type GraphQLResponse } from './index.js';

/** Runs a typed document from test/client (npm run codegen) through the app's HTTP surface. */
export async function request<Result, Variables extends Record<string, unknown>>(
  app: App,
  document: TypedDocumentNode<Result, Variables>,
  options: { variables?: Variables; headers?: Record<string, string> } = {},
): Promise<Omit<GraphQLResponse, 'body'> & { body: { data?: Result | null; errors?: GraphQLResponse['body']['errors'] } }> {
  const response = await gql(app, print(document), options);
  return response as Omit<GraphQLResponse, 'body'> & { body: { data?: Result | null } };
}
