/**
 * The descriptor of one ECGrid endpoint: the single source that the client, retry policy,
 * sharing, cache, metrics and the refusing client read. Adding an endpoint is adding one of these.
 */
import { EcgridBadResponseError } from '../errors.js';
import { isObject } from '../records/values.js';

/**
 * The TTL settings a read may be cached under (ECGRID_CACHE_TTL_<CLASS>_MS); 0 = not cached.
 * `reference` (status lists, mailboxes, trading partners) is cached for minutes by default; the others are not.
 */
export const CACHE_CLASSES = ['stats', 'list', 'interchange', 'reference'] as const;
export type CacheClass = (typeof CACHE_CLASSES)[number];

interface EndpointSpec<In, Out> {
  /** For logs and tests, e.g. `interchangeById`. */
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** The path with `{id}` for ids: the label of metrics and traces, never a real id. */
  readonly route: string;
  /** The path of one call (under the base URL's prefix). */
  readonly path: (input: In) => string;
  /** The JSON body of a POST. Keys in a fixed order: equal bodies are equal requests. */
  readonly body?: ((input: In) => object) | undefined;
  /** Reads the envelope's `data` into what callers get; throws EcgridBadResponseError on a bad shape. */
  readonly read: (data: unknown, input: In) => Out;
  /** What a 404 (absent, or not visible to the caller) answers; without it, 404 is an error. */
  readonly notFound?: { readonly value: Out } | undefined;
  /** false for the few calls ECGrid answers without a credential (the version probe). */
  readonly authenticated?: boolean | undefined;
  /** The largest answer body read, in bytes (a file download): a longer one is cut off with EcgridTooLargeError. Unbounded when absent. */
  readonly maxResponseBytes?: ((input: In) => number) | undefined;
}

/** A query: retried on transient failures, shared by identical calls in flight, cacheable. */
export interface ReadEndpoint<In, Out> extends EndpointSpec<In, Out> {
  readonly kind: 'read';
  /** The TTL class it may be cached under; undefined: never cached. */
  readonly cache: CacheClass | undefined;
}

/** A command: never retried once sent, never coalesced, never served from a cache. */
export interface WriteEndpoint<In, Out> extends EndpointSpec<In, Out> {
  readonly kind: 'write';
}

export type Endpoint<In, Out> = ReadEndpoint<In, Out> | WriteEndpoint<In, Out>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of endpoints of any input and output
export type AnyEndpoint = Endpoint<any, any>;

export function readEndpoint<In, Out>(spec: EndpointSpec<In, Out> & { readonly cache?: CacheClass }): ReadEndpoint<In, Out> {
  return { ...spec, kind: 'read', cache: spec.cache };
}

export function writeEndpoint<In, Out>(spec: EndpointSpec<In, Out>): WriteEndpoint<In, Out> {
  return { ...spec, kind: 'write' };
}

/** The dispatch option that carries a call's descriptor to the retry policy. */
export const ENDPOINT_OPTION = 'ecgridEndpoint';

/** The canonical text of one call: equal exactly when ECGrid would receive the same request. */
export function requestKey<In>(endpoint: Endpoint<In, unknown>, input: In): string {
  const path = `${endpoint.method} ${endpoint.path(input)}`;
  return endpoint.body ? `${path} ${JSON.stringify(endpoint.body(input))}` : path;
}

/**
 * GET `route` (with `{id}`): one object by its id, read by `read`; null when absent or not visible
 * to the caller, as ECGrid answers 404 to both.
 */
export function objectById<Out>(spec: {
  readonly name: string;
  readonly route: `${string}{id}`;
  readonly read: (row: Record<string, unknown>) => Out;
  readonly cache: CacheClass;
}): ReadEndpoint<number, Out | null> {
  const [head, tail] = spec.route.split('{id}') as [string, string];
  return readEndpoint<number, Out | null>({
    name: spec.name,
    method: 'GET',
    route: spec.route,
    path: (id) => `${head}${id}${tail}`,
    read: (data) => {
      if (!isObject(data)) throw new EcgridBadResponseError(`${spec.route}: data is not an object`);
      return spec.read(data);
    },
    notFound: { value: null },
    cache: spec.cache,
  });
}
