// ECGrid's ECGrid ID (trading partner) endpoint: one ID, visible to its own mailbox and to the mailboxes
// that trade with it; to anyone else it does not exist.
import { envelopeError, HttpAnswer } from '../http.js';
import type { MailboxRoute } from '../router.js';
import { partnerRow } from '../store.js';

export const idRoutes: readonly MailboxRoute[] = [
  {
    method: 'GET',
    path: '/v2/ids/{ecGridId}',
    handle: ({ params, data, mailbox }) => {
      const idText = params['ecGridId'] ?? '';
      if (!/^\d{1,10}$/.test(idText)) return envelopeError(400, 'InvalidParameter', `The value '${idText}' is not a valid ECGrid ID`);
      const partner = data.partner(Number(idText));
      if (partner === undefined || !data.partnerVisible(mailbox.mailboxId, partner.ecGridId)) {
        return envelopeError(404, 'ObjectNotFound', `ECGrid ID ${idText} was not found`);
      }
      return new HttpAnswer(200, { success: true, data: partnerRow(partner), errorCode: null, message: null });
    },
  },
];
