/** The per-request loaders of ECGrid's reports. */
import DataLoader from 'dataloader';
import type { EcgridApi } from '../upstream/client.js';
import { mailboxInterchangeStats } from '../upstream/endpoints/reports.js';
import type { MailboxInterchangeStatsRecord } from '../upstream/types.js';
import { each } from './batch.js';

export interface ReportLoaders {
  /** The credential's own mailbox: one key. */
  readonly mailboxStats: DataLoader<'current', MailboxInterchangeStatsRecord>;
}

export function reportLoaders(api: EcgridApi): ReportLoaders {
  return { mailboxStats: new DataLoader(each(() => api.call(mailboxInterchangeStats, undefined))) };
}
