/** ECGrid's authentication endpoints; the version probe is the one call made without a credential. */
import { EcgridBadResponseError } from '../errors.js';
import { isObject } from '../records/values.js';
import type { ApiVersion } from '../types.js';
import { readEndpoint } from './endpoint.js';

/** GET /v2/auth/version: the readiness probe's cheap call; never cached or shared. */
export const apiVersion = readEndpoint<void, ApiVersion>({
  name: 'apiVersion',
  method: 'GET',
  route: '/v2/auth/version',
  path: () => '/v2/auth/version',
  authenticated: false,
  read: (data) => {
    if (!isObject(data) || typeof data['version'] !== 'string') {
      throw new EcgridBadResponseError('auth/version: data.version is not a string');
    }
    return { version: data['version'] };
  },
});
