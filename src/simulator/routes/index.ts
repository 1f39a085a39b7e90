// The route table: every endpoint the simulator answers. A new endpoint is one entry in its family's file.
import type { Route } from '../router.js';
import { authRoutes } from './auth.js';
import { idRoutes } from './ids.js';
import { interchangeRoutes } from './interchanges.js';
import { mailboxRoutes } from './mailboxes.js';
import { parcelRoutes } from './parcels.js';
import { reportRoutes } from './reports.js';
import { statusListRoutes } from './status-lists.js';
import { userRoutes } from './users.js';

export const ROUTES: readonly Route[] = [...authRoutes, ...interchangeRoutes, ...reportRoutes, ...userRoutes, ...mailboxRoutes, ...statusListRoutes, ...parcelRoutes, ...idRoutes];
