import type { Client } from '@temporalio/client';
import pino from 'pino';
import type { Db } from '../../../store/pool';
import type { Mailer } from '../../../mail/mailer';
import { createApp, routesOf } from '../../../api/app';

/** The app as createApp builds it, without servers behind it: for what is fixed at build time. */
export function stubApp() {
  const app = createApp({
    db: {} as Db,
    temporal: {} as Client,
    mailer: {} as Mailer,
    log: pino({ level: 'silent' }),
    taskQueue: 'unit',
    authSecret: 'unit-test-secret-unit-test-secret',
  });
  return { app, routes: routesOf(app) };
}
