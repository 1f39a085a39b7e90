// ECGrid's mailbox endpoint: one mailbox by id. A caller sees its own; any other is not visible (404).
import { mailboxRow } from '../account.js';
import { envelopeError, HttpAnswer } from '../http.js';
import type { MailboxRoute } from '../router.js';

export const mailboxRoutes: readonly MailboxRoute[] = [
  {
    method: 'GET',
    path: '/v2/mailboxes/{mailboxId}',
    handle: ({ params, mailbox }) => {
      const idText = params['mailboxId'] ?? '';
      if (!/^\d{1,9}$/.test(idText)) return envelopeError(400, 'InvalidParameter', `The value '${idText.slice(0, 40)}' is not a valid mailbox id`);
      if (Number(idText) !== mailbox.mailboxId) return envelopeError(404, 'ObjectNotFound', `Mailbox ${idText} was not found`);
      return new HttpAnswer(200, { success: true, data: mailboxRow(mailbox), errorCode: null, message: null });
    },
  },
];
