/**
 * Every ECGrid endpoint this server calls, by family. The list names the routes that traces may
 * label a raw request path with; everything else reads the descriptor a call carries.
 */
import { apiVersion } from './auth.js';
import type { AnyEndpoint } from './endpoint.js';
import { interchangeById, interchangeList, interchangeManifest } from './interchanges.js';
import { parcelById, parcelDownload, parcelList, parcelManifest, pendingParcels } from './parcels.js';
import { tradingPartnerById } from './partners.js';
import { mailboxById } from './mailboxes.js';
import { instantStats, interchangeStats, mailboxInterchangeStats, mailboxSummary, trafficStats } from './reports.js';
import { statusLists } from './status-lists.js';
import { me, userById } from './users.js';

export { apiVersion, interchangeById, interchangeList, interchangeManifest, mailboxInterchangeStats };
export { parcelById, parcelDownload, parcelList, parcelManifest, pendingParcels, tradingPartnerById };
export { instantStats, interchangeStats, mailboxById, mailboxSummary, me, statusLists, trafficStats, userById };
export * from './endpoint.js';

export const ENDPOINTS: readonly AnyEndpoint[] = [
  apiVersion, mailboxInterchangeStats, interchangeList.inbox, interchangeList.outbox, interchangeById, interchangeManifest,
  parcelList.inbox, parcelList.outbox, pendingParcels, parcelById, parcelManifest, parcelDownload, tradingPartnerById,
  me, userById, mailboxById, statusLists, mailboxSummary, trafficStats, interchangeStats, instantStats,
];

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
