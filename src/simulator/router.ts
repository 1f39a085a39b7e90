// What a route is, and how a request finds one: path patterns like '/v2/interchanges/{id}', where a
// literal segment beats a `{parameter}`, then the method.
import type { HttpAnswer } from './http.js';
import type { SimMailbox } from './mailboxes.js';
import type { SimData } from './store.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route's handler sees of a request. */
export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  /** The values of the pattern's `{name}` segments, as sent (not percent-decoded). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly rawBody: string;
  header(name: string): string | undefined;
  readonly data: SimData;
}

/** A request from an authenticated caller whose AuthLevel allows the endpoint. */
export interface MailboxRequest extends RouteRequest {
  readonly mailbox: SimMailbox;
}

interface RouteBase {
  readonly method: HttpMethod;
  /** '/'-separated literal segments and whole-segment `{name}` parameters. */
  readonly path: string;
}

/** An endpoint for authenticated callers (the default): 401 without valid credentials, 403 for a restricted user. */
export interface MailboxRoute extends RouteBase {
  readonly authenticated?: true;
  handle(request: MailboxRequest): HttpAnswer;
}

/** An endpoint anyone may call. */
export interface PublicRoute extends RouteBase {
  readonly authenticated: false;
  handle(request: RouteRequest): HttpAnswer;
}

export type Route = MailboxRoute | PublicRoute;

export interface RouteMatch {
  /** Undefined when the path is known but not for this method (405). */
  readonly route: Route | undefined;
  /** Whether the caller must authenticate before learning more: the route's own flag, else any route's on the path. */
  readonly authenticated: boolean;
  readonly params: Record<string, string>;
}

/** The routes that share one path pattern. */
interface PathRoutes {
  readonly path: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** One character per segment, '0' literal and '1' parameter: sorting on it puts the most literal first. */
  readonly specificity: string;
  readonly byMethod: Map<string, Route>;
}

export class RouteTable {
  readonly #paths: PathRoutes[] = [];

  constructor(readonly routes: readonly Route[]) {
    const byShape = new Map<string, PathRoutes>();
    for (const route of routes) {
      const shape = route.path.replace(/\{[^}/]+\}/g, '{}');
      let entry = byShape.get(shape);
      if (entry === undefined) {
        entry = compile(route.path);
        byShape.set(shape, entry);
        this.#paths.push(entry);
      } else if (entry.path !== route.path) {
        throw new Error(`routes ${entry.path} and ${route.path} differ only in parameter names`);
      }
      if (entry.byMethod.has(route.method)) throw new Error(`two routes for ${route.method} ${route.path}`);
      entry.byMethod.set(route.method, route);
    }
    this.#paths.sort((a, b) => (a.specificity < b.specificity ? -1 : a.specificity > b.specificity ? 1 : 0));
  }

  /** The routes for this path, or undefined when no pattern matches it (404). */
  match(method: string, path: string): RouteMatch | undefined {
    for (const entry of this.#paths) {
      const values = entry.pattern.exec(path);
      if (!values) continue;
      const params: Record<string, string> = {};
      entry.names.forEach((name, i) => {
        params[name] = values[i + 1]!;
      });
      const route = entry.byMethod.get(method);
      const authenticated = route
        ? route.authenticated !== false
        : [...entry.byMethod.values()].some((r) => r.authenticated !== false);
      return { route, authenticated, params };
    }
    return undefined;
  }
}

function compile(path: string): PathRoutes {
  const names: string[] = [];
  let specificity = '';
  const segments = path.split('/').map((segment) => {
    const name = /^\{([^}/]+)\}$/.exec(segment)?.[1];
    specificity += name === undefined ? '0' : '1';
    if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(name);
    return '([^/]+)';
  });
  return { path, pattern: new RegExp(`^${segments.join('/')}$`), names, specificity, byMethod: new Map() };
}
