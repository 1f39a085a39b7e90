// ECGrid's status lists: the legend of parcel and interchange statuses, in the documented REST form.
import { statusLists } from '../account.js';
import { HttpAnswer } from '../http.js';
import type { MailboxRoute } from '../router.js';

export const statusListRoutes: readonly MailboxRoute[] = [
  { method: 'GET', path: '/v2/status-lists', handle: () => new HttpAnswer(200, { success: true, data: statusLists() }) },
];
