/** HTTP requests with exactly the headers given (node:http adds none, unlike fetch), to the app's listener or through yoga.fetch. */
import { request } from 'node:http';
import type { App } from '../../src/app.js';
import { urlOf } from './index.js';

export interface RawInit {
  readonly method?: string;
  /** Path and query, e.g. `/graphql?query=...`; default `/graphql`. */
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** Through the app's node:http listener on a loopback port (the fast path where it applies). */
export async function overPort(app: App, init: RawInit): Promise<RawResponse> {
  const url = new URL(init.path ?? '/graphql', await urlOf(app));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'POST', headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, String(value));
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Through yoga's fetch handler: no node:http, no fast path. */
export async function overFetch(app: App, init: RawInit): Promise<RawResponse> {
  const response = await app.fetch(new Request(`http://localhost${init.path ?? '/graphql'}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? {},
    // Bytes, not a string: a string body would add `Content-Type: text/plain`.
    ...(init.body === undefined ? {} : { body: new TextEncoder().encode(init.body) }),
  }));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export const SURFACES = [
  ['the listener on a port', overPort],
  ['yoga.fetch', overFetch],
] as const;

/** The response body as GraphQL's JSON, or undefined when it is not JSON. */
export function jsonOf(response: RawResponse): { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined {
  try {
    return JSON.parse(response.text);
  } catch {
    return undefined;
  }
}
