// ECGrid's report endpoints.
import { HttpAnswer } from '../http.js';
import type { MailboxRoute } from '../router.js';

export const reportRoutes: readonly MailboxRoute[] = [
  {
    method: 'GET',
    path: '/v2/reports/mailbox-interchange-stats',
    // This endpoint's envelope has empty strings, not nulls, when there is no error.
    handle: ({ data, mailbox }) =>
      new HttpAnswer(200, { success: true, data: data.stats(mailbox.mailboxId), errorCode: '', message: '' }),
  },
];
