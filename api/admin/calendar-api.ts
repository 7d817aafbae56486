// The calendar part of the API, mounted at /api: the admin endpoints for the holiday schedule
// and the policies, and the deadline calculator. One calendar store per process.
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Logger } from 'pino';
import { createCalendarStore } from '../../calendar/store';
import type { Db } from '../../store/pool';
import { deadlineRoutes } from '../deadlines/routes';
import type { RouteRegistry } from '../routing';
import { holidayRoutes } from './holiday-routes';
import { policyRoutes } from './policy-routes';

export interface CalendarApiDeps {
  db: Db;
  temporal: Client;
  log: Logger;
  now?: () => Date;
}

export function calendarApi(deps: CalendarApiDeps, registry: RouteRegistry): Router {
  const store = createCalendarStore(deps.db);
  const services = { ...deps, store, now: deps.now ?? (() => new Date()) };
  const router = Router();
  router.use('/admin/holidays', holidayRoutes(services, registry));
  router.use('/admin/policy', policyRoutes(services, registry));
  router.use('/deadlines', deadlineRoutes(services, registry));
  return router;
}
