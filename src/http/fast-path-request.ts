/** What the fast path reads of a node:http request and writes to its response, beside yoga's own machinery. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type YogaServerInstance } from 'graphql-yoga';

// Any app's contexts: the fast path builds the server context itself and hands it on as yoga does.
export type AnyApp = YogaServerInstance<any, any>;

export interface Params {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

const PARAM_NAMES = new Set(['query', 'variables', 'operationName', 'extensions']);
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
// No plugin of ours hands work to waitUntil; a rejection must not go unhandled all the same.
export const waitUntil = (promise: Promise<unknown> | void) => void Promise.resolve(promise).catch(() => undefined);

/** The media type to answer in, when the request is one the fast path takes; else undefined. */
export function fastPathMedia(req: IncomingMessage, endpoint: string, maxBodyBytes: number): string | undefined {
  if (req.method !== 'POST' || req.url !== endpoint) return undefined;
  const { headers } = req;
  const type = headers['content-type'];
  if (type === undefined || !JSON_CONTENT_TYPE.test(type)) return undefined;
  const length = headers['content-length'];
  if (length === undefined || headers['transfer-encoding'] !== undefined || !(Number(length) <= maxBodyBytes)) return undefined;
  // Browsers send Origin: CORS is yoga's.
  if (headers.origin !== undefined) return undefined;
  return answerMedia(headers.accept);
}

/**
 * The media type yoga answers a result that is not a stream in: the first JSON type the Accept
 * header lists (`*` + `/*` and `application/*` mean application/json), the stream types skipped.
 * Undefined when it lists none: yoga answers that (as a stream, or 406).
 */
function answerMedia(accept: string | undefined): string | undefined {
  if (accept === undefined) return 'application/json';
  for (const item of accept.split(',')) {
    const type = item.split(';', 1)[0]!.trim().toLowerCase();
    if (type === 'application/graphql-response+json') return type;
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'application/json';
  }
  return undefined;
}

/** The body as GraphQL parameters when yoga would accept it as they are; else undefined. */
export function paramsOf(body: string): Params | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const params = value as Record<string, unknown>;
  for (const key in params) if (!PARAM_NAMES.has(key)) return undefined;
  const { query, variables, operationName, extensions } = params;
  if (typeof query !== 'string') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (extensions != null && (typeof extensions !== 'object' || Array.isArray(extensions))) return undefined;
  return params as unknown as Params;
}

export function isPlain(result: ExecutionResult): boolean {
  if (isAsyncIterable(result)) return false;
  if (result.errors?.length) return false;
  return !(result.extensions as { http?: unknown } | undefined)?.http;
}

export function send(res: ServerResponse, response: Response, text: string): void {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers);
  res.end(text);
}

/** Bodies the fast path read but will not answer: yoga answers them from the buffered body. */
export async function yogaAnswer(app: AnyApp, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const response = await app.fetch(
    new app.fetchAPI.Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body,
    }),
    { req, res, waitUntil },
  );
  send(res, response, await response.text());
}
