/** ECGrid's user endpoints: the caller's own user, and a user by id (to refetch a User node). */
import { EcgridBadResponseError } from '../errors.js';
import { readUser, type UserRecord } from '../records/user.js';
import { isObject } from '../records/values.js';
import { objectById, readEndpoint } from './endpoint.js';

function readUserData(route: string) {
  return (data: unknown): UserRecord => {
    if (!isObject(data)) throw new EcgridBadResponseError(`${route}: data is not an object`);
    return readUser(data);
  };
}

/**
 * GET /v2/users/me: the credential's user and its default mailbox. Under the `stats` TTL class
 * (the caller's own figures), so not cached unless the operator sets ECGRID_CACHE_TTL_STATS_MS.
 */
export const me = readEndpoint<void, UserRecord>({
  name: 'me',
  method: 'GET',
  route: '/v2/users/me',
  path: () => '/v2/users/me',
  read: readUserData('users/me'),
  cache: 'stats',
});

/** GET /v2/users/{id}: null when absent or not visible to the caller (404). */
export const userById = objectById({ name: 'userById', route: '/v2/users/{id}', read: readUser, cache: 'stats' });
