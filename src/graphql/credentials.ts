/** The caller's ECGrid credential, read from the request's headers (or the service key). */
import type { Credential } from '../upstream/types.js';

export type CredentialResult =
  | { readonly ok: true; readonly credential: Credential | undefined; readonly source: 'request' | 'service' | 'none' }
  | { readonly ok: false; readonly problem: string };

// RFC 7230 token68-ish: what a key or JWT may contain; anything else would be a malformed header.
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const MAX_LENGTH = 8192;

/**
 * The caller's ECGrid credential: `X-API-Key`, or `Authorization: Bearer`, else the service key.
 * Never returns or reports the credential's text in a problem message.
 */
export function credentialFrom(headers: Headers, serviceKey: string | undefined): CredentialResult {
  const apiKey = headers.get('x-api-key');
  const authorization = headers.get('authorization');
  if (apiKey !== null && authorization !== null) {
    return { ok: false, problem: 'Send either X-API-Key or Authorization: Bearer, not both' };
  }
  if (apiKey !== null) {
    const value = apiKey.trim();
    if (value === '' || value.length > MAX_LENGTH || !TOKEN.test(value)) {
      return { ok: false, problem: 'The X-API-Key header is malformed' };
    }
    return { ok: true, credential: { kind: 'apiKey', value }, source: 'request' };
  }
  if (authorization !== null) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    const value = match?.[1];
    if (value === undefined || value.length > MAX_LENGTH || !TOKEN.test(value)) {
      return { ok: false, problem: 'The Authorization header must be "Bearer <token>"' };
    }
    return { ok: true, credential: { kind: 'bearer', value }, source: 'request' };
  }
  if (serviceKey !== undefined) {
    return { ok: true, credential: { kind: 'apiKey', value: serviceKey }, source: 'service' };
  }
  return { ok: true, credential: undefined, source: 'none' };
}
