/**
 * GET /parcels/{parcelId}/content: a parcel's file as raw bytes, for links and download tools.
 * It goes through the same per-request context as /graphql (credential, call budget, deadline,
 * request log, metrics); it downloads and never confirms. Errors are JSON with the contract's codes.
 */
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.js';
import { credentialFrom } from '../graphql/credentials.js';
import { toClientError } from '../graphql/errors.js';
import type { Logger } from '../observability/logger.js';
import { contentDisposition, mediaTypeOf } from './file-type.js';

export interface ParcelContentOptions {
  /** The GraphQL context factory: the request's credential-bound loaders. */
  readonly context: (init: { request: Request }) => Context;
  readonly logger: Logger;
}

const PATH = /^\/parcels\/([^/]*)\/content\/?$/;

/** The HTTP status of each contract code. */
const STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  UPSTREAM_RATE_LIMITED: 429,
  UPSTREAM_ERROR: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_CALL_BUDGET_EXCEEDED: 503,
};

type Answer = { readonly status: number; readonly headers: Record<string, string>; readonly body: BodyInit | null };

const error = (status: number, code: string, message: string, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});

export function useParcelContent(options: ParcelContentOptions): Plugin {
  const answer = async (request: Request, rawId: string): Promise<Answer> => {
    const credential = credentialFrom(request.headers, undefined);
    // The request's own credential only, never ECGRID_API_KEY: a plain GET is what any page can make a browser send.
    if (!credential.ok) return error(401, 'UNAUTHENTICATED', credential.problem);
    if (credential.source === 'none') return error(401, 'UNAUTHENTICATED', 'Send X-API-Key or Authorization: Bearer to download a parcel');
    const parcelId = /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : Number.NaN;
    if (!Number.isSafeInteger(parcelId)) return error(400, 'BAD_USER_INPUT', 'The parcel id must be a positive whole number up to 2^53 - 1');
    try {
      const file = await options.context({ request }).ecgrid.parcelContent.load(parcelId);
      if (file === null) return error(404, 'NOT_FOUND', 'No such parcel, or it is not visible to this credential');
      const fileName = file.fileName instanceof Error ? null : file.fileName;
      return {
        status: 200,
        headers: {
          'content-type': mediaTypeOf(fileName, file.content),
          'content-length': String(file.content.length),
          'content-disposition': contentDisposition(fileName, parcelId),
          // The file is the caller's: never stored by a cache, never altered (compressed) on the way.
          'cache-control': 'private, no-store, no-transform',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
        },
        // A Buffer is a Uint8Array; the DOM typings want one over an ArrayBuffer, not a SharedArrayBuffer.
        body: request.method === 'HEAD' ? null : (file.content as Uint8Array<ArrayBuffer>),
      };
    } catch (thrown) {
      const client = toClientError(thrown);
      const code = String(client.extensions['code'] ?? 'INTERNAL_SERVER_ERROR');
      if (code === 'INTERNAL_SERVER_ERROR') options.logger.error(thrown);
      const retryAfter = client.extensions['retryAfter'];
      return error(STATUS[code] ?? 500, code, client.message, typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {});
    }
  };

  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      const match = url.pathname.startsWith('/parcels/') ? PATH.exec(url.pathname) : null;
      if (match === null) return undefined;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return undefined;
      }
      return answer(request, match[1]!).then(({ status, headers, body }) => endResponse(new fetchAPI.Response(body, { status, headers })));
    },
  };
}
