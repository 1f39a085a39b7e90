/**
 * The per-request face of ECGrid: one set of DataLoaders per GraphQL request, over that request's
 * credential-bound API, so identical calls within a request happen once and nothing crosses requests.
 */
import type { EcgridApi } from '../upstream/client.js';
import { type InterchangeLoaders, interchangeLoaders } from './interchanges.js';
import { type ReportLoaders, reportLoaders } from './reports.js';

export { INTERCHANGE_LOOKUP_CONCURRENCY } from './interchanges.js';

export type EcgridLoaders = InterchangeLoaders & ReportLoaders;

export function createLoaders(api: EcgridApi): EcgridLoaders {
  return { ...interchangeLoaders(api), ...reportLoaders(api) };
}
