/** ECGrid's status lists: the legends of parcel and interchange statuses, reference data cached per credential. */
import { readStatusLists, type StatusListsRecord } from '../records/status-lists.js';
import { readEndpoint } from './endpoint.js';

/** GET /v2/status-lists (C22: REST or SOAP-shaped entries). */
export const statusLists = readEndpoint<void, StatusListsRecord>({
  name: 'statusLists',
  method: 'GET',
  route: '/v2/status-lists',
  path: () => '/v2/status-lists',
  read: readStatusLists,
  cache: 'reference',
});
