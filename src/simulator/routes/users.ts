// ECGrid's user endpoints: the caller's own user, and a user by id (only the caller's own is visible).
import { userRow } from '../account.js';
import { envelopeError, HttpAnswer } from '../http.js';
import type { MailboxRoute } from '../router.js';

export const userRoutes: readonly MailboxRoute[] = [
  {
    method: 'GET',
    path: '/v2/users/me',
    handle: ({ mailbox }) => new HttpAnswer(200, { success: true, data: userRow(mailbox) }),
  },
  {
    method: 'GET',
    path: '/v2/users/{userId}',
    handle: ({ params, mailbox }) => {
      const idText = params['userId'] ?? '';
      if (!/^\d{1,9}$/.test(idText)) return envelopeError(400, 'InvalidParameter', `The value '${idText.slice(0, 40)}' is not a valid user id`);
      const user = userRow(mailbox);
      if (Number(idText) !== user['userId']) return envelopeError(404, 'ObjectNotFound', `User ${idText} was not found`);
      return new HttpAnswer(200, { success: true, data: user, errorCode: null, message: null });
    },
  },
];
