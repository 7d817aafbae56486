import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../activities/db/pool';
import type { Mailer } from '../activities/mail/mailer';
import { authenticate } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { createTokenSigner } from './auth/tokens';
import { caseRoutes } from './cases/routes';
import { errorHandler } from './error-handler';
import { healthChecks, healthHandler } from './health';
import { problems } from './problem';
import { RouteRegistry } from './routing';

export interface AppDeps {
  db: Db;
  temporal: Client;
  mailer: Mailer;
  log: Logger;
  taskQueue: string;
  authSecret: string;
  now?: () => Date;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  const signer = createTokenSigner(deps.authSecret);
  const now = deps.now ?? (() => new Date());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    req.id = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    next();
  });
  app.use(requestLog(deps.log));
  app.use(express.json({ limit: '256kb', type: ['application/json', 'application/*+json'] }));

  app.get('/healthz', healthHandler(healthChecks(deps)));
  app.use('/api/auth', authRoutes({ db: deps.db, signer }));
  app.use('/api', authenticate(signer));
  const registry = new RouteRegistry();
  app.use(
    '/api/cases',
    caseRoutes({ db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, now }, registry),
  );

  app.use((_req, _res, next) => next(problems.notFound('没有这个接口')));
  app.use(errorHandler(deps.log));
  return app;
}

function requestLog(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { reqId: req.id, method: req.method, route: req.route?.path ?? req.path, status: res.statusCode, ms },
        'request',
      );
    });
    next();
  };
}
