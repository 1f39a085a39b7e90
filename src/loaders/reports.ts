/** The per-request loaders of ECGrid's reports and status lists: identical calls within a request happen once. */
import DataLoader from 'dataloader';
import type { EcgridApi } from '../upstream/client.js';
import { type ReadEndpoint, requestKey } from '../upstream/endpoints/endpoint.js';
import {
  instantStats,
  type InstantStatsQuery,
  interchangeStats,
  type InterchangeStatsQuery,
  mailboxInterchangeStats,
  mailboxSummary,
  trafficStats,
  type TrafficStatsQuery,
} from '../upstream/endpoints/reports.js';
import { statusLists } from '../upstream/endpoints/status-lists.js';
import type { InstantStatsRecord, InterchangeStatsPeriodRecord, MailboxSummaryRecord, TrafficPeriodRecord } from '../upstream/records/reports.js';
import type { StatusListsRecord } from '../upstream/records/status-lists.js';
import type { MailboxInterchangeStatsRecord } from '../upstream/types.js';
import { each } from './batch.js';
import { lazyLoader, type Loader } from './lazy.js';

export interface ReportLoaders {
  /** The credential's own mailbox: one key. */
  readonly mailboxStats: DataLoader<'current', MailboxInterchangeStatsRecord>;
  readonly mailboxSummary: Loader<'current', MailboxSummaryRecord>;
  readonly statusLists: Loader<'all', StatusListsRecord>;
  readonly trafficStats: Loader<TrafficStatsQuery, TrafficPeriodRecord[]>;
  readonly interchangeStats: Loader<InterchangeStatsQuery, InterchangeStatsPeriodRecord[]>;
  readonly instantStats: Loader<InstantStatsQuery, InstantStatsRecord>;
}

/** A loader of one report: two loads are one call exactly when ECGrid would receive the same request. */
const byRequest = <In, Out>(api: EcgridApi, endpoint: ReadEndpoint<In, Out>): Loader<In, Out> =>
  lazyLoader(
    () => new DataLoader<In, Out, string>(each((input: In) => api.call(endpoint, input)), { cacheKeyFn: (input) => requestKey(endpoint, input) }),
  );

export function reportLoaders(api: EcgridApi): ReportLoaders {
  return {
    mailboxStats: new DataLoader(each(() => api.call(mailboxInterchangeStats, undefined))),
    mailboxSummary: lazyLoader(() => new DataLoader(each(() => api.call(mailboxSummary, undefined)))),
    statusLists: lazyLoader(() => new DataLoader(each(() => api.call(statusLists, undefined)))),
    trafficStats: byRequest(api, trafficStats),
    interchangeStats: byRequest(api, interchangeStats),
    instantStats: byRequest(api, instantStats),
  };
}
