/**
 * Every ECGrid endpoint this server calls, by family. The list names the routes that traces may
 * label a raw request path with; everything else reads the descriptor a call carries.
 */
import { apiVersion } from './auth.js';
import type { AnyEndpoint } from './endpoint.js';
import { interchangeById, interchangeList } from './interchanges.js';
import { mailboxInterchangeStats } from './reports.js';

export { apiVersion, interchangeById, interchangeList, mailboxInterchangeStats };
export * from './endpoint.js';

export const ENDPOINTS: readonly AnyEndpoint[] = [apiVersion, mailboxInterchangeStats, interchangeList.inbox, interchangeList.outbox, interchangeById];

const ROUTES = ENDPOINTS.map((endpoint) => ({
  route: endpoint.route,
  pattern: new RegExp(`^${endpoint.route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{id\}/g, '\\d+')}$`),
}));

/** The route of a raw upstream path (`/v2/interchanges/98712871?x=1` → `/v2/interchanges/{id}`), or `other`. */
export function routeOfPath(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  const start = bare.indexOf('/v2/');
  const tail = (start >= 0 ? bare.slice(start) : bare).replace(/\/+$/, '');
  return ROUTES.find((entry) => entry.pattern.test(tail))?.route ?? 'other';
}
