/** ECGrid's mailbox endpoints: one mailbox by id, reference data cached per credential. */
import { EcgridBadResponseError } from '../errors.js';
import { type MailboxRecord, readMailbox } from '../records/mailbox.js';
import { isObject } from '../records/values.js';
import { readEndpoint } from './endpoint.js';

/** GET /v2/mailboxes/{id}: null when absent or not visible to the caller (ECGrid answers 404 to both). */
export const mailboxById = readEndpoint<number, MailboxRecord | null>({
  name: 'mailboxById',
  method: 'GET',
  route: '/v2/mailboxes/{id}',
  path: (mailboxId) => `/v2/mailboxes/${mailboxId}`,
  read: (data) => {
    if (!isObject(data)) throw new EcgridBadResponseError('mailboxes/{id}: data is not an object');
    return readMailbox(data);
  },
  notFound: { value: null },
  cache: 'reference',
});
