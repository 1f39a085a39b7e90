// The route table: every endpoint the simulator answers. A new endpoint is one entry in its family's file.
import type { Route } from '../router.js';
import { authRoutes } from './auth.js';
import { interchangeRoutes } from './interchanges.js';
import { reportRoutes } from './reports.js';
import { userRoutes } from './users.js';

export const ROUTES: readonly Route[] = [...authRoutes, ...interchangeRoutes, ...reportRoutes, ...userRoutes];
