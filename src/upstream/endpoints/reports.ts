/** ECGrid's report endpoints. */
import { EcgridBadResponseError } from '../errors.js';
import { isObject } from '../records/values.js';
import type { MailboxInterchangeStatsRecord } from '../types.js';
import { readEndpoint } from './endpoint.js';

/** GET /v2/reports/mailbox-interchange-stats: the caller's mailbox, ECGrid's current period. */
export const mailboxInterchangeStats = readEndpoint<void, MailboxInterchangeStatsRecord>({
  name: 'mailboxInterchangeStats',
  method: 'GET',
  route: '/v2/reports/mailbox-interchange-stats',
  path: () => '/v2/reports/mailbox-interchange-stats',
  read: (data) => {
    if (!isObject(data)) throw new EcgridBadResponseError('mailbox-interchange-stats: data is not an object');
    return data;
  },
  cache: 'stats',
});
