/** ECGrid's trading-partner endpoints: one ECGrid ID. Reference data: it may be cached per credential for minutes. */
import { readPartner } from '../records/partner.js';
import { objectById } from './endpoint.js';

/** GET /v2/ids/{id}: null when absent or not visible to the caller (ECGrid answers 404 to both). */
export const tradingPartnerById = objectById({ name: 'tradingPartnerById', route: '/v2/ids/{id}', read: readPartner, cache: 'reference' });
