// ECGrid's user endpoints.
import { HttpAnswer } from '../http.js';
import type { MailboxRoute } from '../router.js';

export const userRoutes: readonly MailboxRoute[] = [
  {
    method: 'GET',
    path: '/v2/users/me',
    handle: ({ mailbox }) =>
      new HttpAnswer(200, {
        success: true,
        data: {
          userId: mailbox.mailboxId * 10,
          login: mailbox.code.toLowerCase(),
          email: `edi@${mailbox.code.toLowerCase().replace(/_/g, '-')}.example`,
          firstName: 'EDI',
          lastName: 'Team',
          networkId: mailbox.networkId,
          mailboxId: mailbox.mailboxId,
          authLevel: 'MailboxAdmin',
          status: 'Active',
          created: '2019-03-14T09:00:00Z',
        },
      }),
  },
];
