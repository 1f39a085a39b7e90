/**
 * The per-request face of ECGrid: one set of DataLoaders per GraphQL request, over that request's
 * credential-bound API, so identical calls within a request happen once and nothing crosses requests.
 */
import type { EcgridApi } from '../upstream/client.js';
import { type AccountLoaders, accountLoaders } from './account.js';
import { type InterchangeLoaders, interchangeLoaders } from './interchanges.js';
import { linkLimit } from './links.js';
import { type ParcelLoaders, parcelLoaders } from './parcels.js';
import { type PartnerLoaders, partnerLoaders } from './partners.js';
import { type ReportLoaders, reportLoaders } from './reports.js';

export { INTERCHANGE_LOOKUP_CONCURRENCY } from './interchanges.js';

export type EcgridLoaders = InterchangeLoaders & ReportLoaders & ParcelLoaders & PartnerLoaders & AccountLoaders;

export interface LoaderOptions {
  /** MAX_CONTENT_BYTES: the largest parcel file a request passes on. */
  readonly maxContentBytes: number;
}

export function createLoaders(api: EcgridApi, options: LoaderOptions): EcgridLoaders {
  // One bound for every data-dependent lookup of the request (parcels, partners, manifests).
  const links = linkLimit();
  return {
    ...interchangeLoaders(api),
    ...reportLoaders(api),
    ...parcelLoaders(api, { maxContentBytes: options.maxContentBytes, limit: links }),
    ...partnerLoaders(api, links),
    ...accountLoaders(api, links),
  };
}
