// ECGrid's auth endpoints; GET /v2/auth/version is unauthenticated (this server's readiness probe).
import { HttpAnswer } from '../http.js';
import type { PublicRoute } from '../router.js';

export const authRoutes: readonly PublicRoute[] = [
  {
    method: 'GET',
    path: '/v2/auth/version',
    authenticated: false,
    handle: () => new HttpAnswer(200, { success: true, data: { version: '2.6' } }),
  },
];
