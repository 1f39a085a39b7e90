/** ECGrid's mailbox endpoints: one mailbox by id, reference data cached per credential. */
import { readMailbox } from '../records/mailbox.js';
import { objectById } from './endpoint.js';

/** GET /v2/mailboxes/{id}: null when absent or not visible to the caller (ECGrid answers 404 to both). */
export const mailboxById = objectById({ name: 'mailboxById', route: '/v2/mailboxes/{id}', read: readMailbox, cache: 'reference' });
