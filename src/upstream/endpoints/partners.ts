/** ECGrid's trading-partner endpoints: one ECGrid ID. Reference data: it may be cached per credential for minutes. */
import { EcgridBadResponseError } from '../errors.js';
import { type PartnerRecord, readPartner } from '../records/partner.js';
import { isObject } from '../records/values.js';
import { readEndpoint } from './endpoint.js';

/** GET /v2/ids/{id}: null when absent or not visible to the caller (ECGrid answers 404 to both). */
export const tradingPartnerById = readEndpoint<number, PartnerRecord | null>({
  name: 'tradingPartnerById',
  method: 'GET',
  route: '/v2/ids/{id}',
  path: (ecGridId) => `/v2/ids/${ecGridId}`,
  read: (data) => {
    if (!isObject(data)) throw new EcgridBadResponseError('/v2/ids/{id}: data is not an object');
    return readPartner(data);
  },
  notFound: { value: null },
  cache: 'reference',
});
