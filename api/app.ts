import type { Client } from '@temporalio/client';
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../store/pool';
import type { Mailer } from '../mail/mailer';
import { decisionPolicyRoutes } from './admin/decision-policy';
import { documentNumberingRoutes } from './admin/document-numbering';
import { documentTemplateRoutes } from './admin/document-templates';
import { calendarApi } from './admin/calendar-api';
import { authenticate, requireAuthentication } from './auth/middleware';
import { authRoutes } from './auth/routes';
import type { LoginLimits } from './auth/throttle';
import { DEFAULT_LOGIN_LIMITS } from './auth/throttle';
import { apiTokenRoutes } from './auth/token-routes';
import { createTokenSigner } from './auth/tokens';
import { calendarRoutes } from './calendar/routes';
import type { EvidenceLimits } from './cases/evidence';
import type { EvidenceStorage } from '../store/evidence';
import { caseRoutes } from './cases/routes';
import { openDeadlineRoutes } from './deadlines/open';
import { domainAdminRoutes, domainRoutes } from './domains/routes';
import { errorHandler } from './error-handler';
import { healthChecks, healthHandler } from './health';
import { caseImportRoutes } from './imports/routes';
import { inboxRoutes } from './inbox/routes';
import { notificationRoutes } from './notifications/routes';
import { createIdempotency } from './idempotency';
import { requestIds, requestLog } from './logging';
import { securityHeaders } from './security';
import { trustProxySetting } from '../config/trust-proxy';
import { createMetrics, metricsRoute } from './metrics';
import { apiDocs, openApiRoute } from './openapi/routes';
import { operationsRoutes } from './operations/routes';
import { watchStuckCases, type StuckCaseWatch } from './operations/stuck-cases';
import { organRoutes } from './organs/routes';
import { problems } from './problem';
import { documentVerificationRoutes } from './public/document-verification';
import { DEFAULT_INTAKE_PROOF_BITS } from './public/proof-of-work';
import { publicIntakeRoutes } from './public/intake-routes';
import { publicLeadStaffRoutes } from './public/staff-routes';
import { defineRoute, jsonBodies, methodNotAllowed, RouteRegistry } from './routing';
import { statisticsRoutes } from './statistics/routes';
import { oversightRoutes } from './oversight/routes';
import { CODEC_MOUNT, codecCors, temporalCodecRoutes, type TemporalCodecDeps } from './temporal-codec/routes';
import { typicalCaseRoutes } from './typical-cases/routes';
import { devRoutes } from './dev/routes';
import { userRoutes } from './users/routes';
import { organRoutes as organAccessRoutes } from './organ/routes';
import { DEFAULT_ORGAN_LIMITS, type OrganAccessLimits } from './organ/session';
import { webApp } from '../web/serve';

export interface AppDeps {
  db: Db;
  temporal: Client;
  mailer: Mailer;
  log: Logger;
  taskQueue: string;
  authSecret: string;
  now?: () => Date;
  /** Failed logins allowed per account and per address (default 5 and 20 in 15 minutes). */
  loginLimits?: LoginLimits;
  /** Public leads one address may submit per hour (default 5). */
  publicLeadsPerHour?: number;
  /** Public leads one procuratorate accepts per day (default 200). */
  publicLeadsPerDay?: number;
  /** Zero bits of the public intake's proof of work (default 18, about a second in a browser). */
  publicIntakeProofBits?: number;
  /** Serve the embedded mail catcher's messages at /api/dev/mail. */
  devMailbox?: boolean;
  /** Express's `trust proxy` from `TRUST_PROXY` (default loopback: a proxy on the same host). */
  trustProxy?: string;
  /** The public address is https (a TLS proxy in front): send HSTS. */
  https?: boolean;
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** How long /healthz reuses one round of dependency checks (default 5 s). */
  healthCacheMs?: number;
  /** How long a request waits on a case workflow before it answers 202 or 503 (default 10 s). */
  answerTimeoutMs?: number;
  /** The periodic scan for cases whose workflow task keeps failing (default: none, an empty list). */
  stuckCases?: StuckCaseWatch;
  /** Largest evidence file and largest total per case, in bytes (default 200 MB and 2 GB). */
  evidenceLimits?: EvidenceLimits;
  /** Where evidence bytes go (default: PostgreSQL; an object store when OBJECT_STORE_URL is set). */
  evidenceStorage?: EvidenceStorage;
  /** The payload codec served to the Temporal UI (default: none, unencrypted payloads pass through). */
  temporalCodec?: TemporalCodecDeps;
  /** The organ's one-time codes, sessions and throttle (default: 10-minute codes, 30-minute sessions). */
  organLimits?: OrganAccessLimits;
}

/**
 * The HTTP API. Every route is declared through defineRoute into one registry, which drives
 * authentication (deny by default), body limits, metrics labels, logs and the OpenAPI document.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  const { db, authSecret: secret } = deps;
  const signer = createTokenSigner(secret);
  const now = deps.now ?? (() => new Date());
  const routes = new RouteRegistry({ idempotency: createIdempotency({ db, secret }) });
  const stuckCases =
    deps.stuckCases ??
    watchStuckCases({ temporal: deps.temporal, taskQueue: deps.taskQueue, log: deps.log, intervalMs: 0 });
  const metrics = createMetrics({ db, routes, stuckCases });
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(deps.trustProxy ?? 'loopback'));
  app.use(
    requestIds(),
    requestLog(deps.log, routes),
    metrics.observeRequests,
    securityHeaders({ https: deps.https === true }),
  );
  app.use(codecCors(deps.temporalCodec?.uiOrigin));
  app.use(methodNotAllowed(routes));
  app.use(webApp()); // the staff web application (web/dist), outside /api; public like any page
  app.use('/api/docs', apiDocs());
  app.use(jsonBodies(routes));
  app.use(authenticate({ signer, db, routes }), requireAuthentication(routes));

  healthRoute(app, routes, deps);
  metricsRoute(app, routes, metrics, deps.metricsToken);
  openApiRoute(app, routes);
  const mounts: [string, Router][] = [
    ['/api/auth/tokens', apiTokenRoutes({ db }, routes)],
    [
      '/api/auth',
      authRoutes({ db, signer, secret, limits: deps.loginLimits ?? DEFAULT_LOGIN_LIMITS }, routes),
    ],
    ['/api/users', userRoutes({ db }, routes)],
    ['/api/organs', organRoutes({ db }, routes)],
    [
      '/api/public',
      publicIntakeRoutes(
        {
          db,
          secret,
          leadsPerHour: deps.publicLeadsPerHour ?? 5,
          leadsPerDay: deps.publicLeadsPerDay ?? 200,
          proofBits: deps.publicIntakeProofBits ?? DEFAULT_INTAKE_PROOF_BITS,
          now,
        },
        routes,
      ),
    ],
    ['/api/public/documents', documentVerificationRoutes({ db }, routes)],
    ['/api/leads/public', publicLeadStaffRoutes({ db }, routes)],
    [
      '/api/cases',
      caseRoutes(
        {
          db,
          temporal: deps.temporal,
          taskQueue: deps.taskQueue,
          now,
          answerMs: deps.answerTimeoutMs ?? 10_000,
          stuckCases,
          evidence: evidenceDeps(deps),
        },
        routes,
      ),
    ],
    [
      '/api/organ',
      organAccessRoutes(
        {
          db,
          temporal: deps.temporal,
          taskQueue: deps.taskQueue,
          now,
          answerMs: deps.answerTimeoutMs ?? 10_000,
          mailer: deps.mailer,
          secret,
          https: deps.https === true,
          limits: deps.organLimits ?? DEFAULT_ORGAN_LIMITS,
          evidence: evidenceDeps(deps),
        },
        routes,
      ),
    ],
    [
      '/api/case-imports',
      caseImportRoutes(
        {
          db,
          temporal: deps.temporal,
          taskQueue: deps.taskQueue,
          now,
          answerMs: deps.answerTimeoutMs ?? 10_000,
          log: deps.log,
        },
        routes,
      ),
    ],
    ['/api/statistics', statisticsRoutes({ db, now }, routes)],
    [
      '/api/oversight',
      oversightRoutes(
        {
          db,
          temporal: deps.temporal,
          taskQueue: deps.taskQueue,
          now,
          answerMs: deps.answerTimeoutMs ?? 10_000,
        },
        routes,
      ),
    ],
    ['/api/typical-cases', typicalCaseRoutes({ db }, routes)],
    ['/api/dev', devRoutes({ db, enabled: deps.devMailbox === true }, routes)],
    ['/api/calendar', calendarRoutes({ db }, routes)],
    ['/api/deadlines', openDeadlineRoutes({ db, now }, routes)],
    ['/api/inbox', inboxRoutes({ db, now }, routes)],
    ['/api/notifications', notificationRoutes({ db }, routes)],
    ['/api/domains', domainRoutes({ db, now }, routes)],
    ['/api/admin/domains', domainAdminRoutes({ db, now }, routes)],
    ['/api/admin/stuck-cases', operationsRoutes({ stuckCases }, routes)],
    [CODEC_MOUNT, temporalCodecRoutes(deps.temporalCodec ?? {}, routes)],
    ['/api/admin/documents/numbering', documentNumberingRoutes({ db, now }, routes)],
    ['/api/admin/documents/templates', documentTemplateRoutes({ db }, routes)],
    ['/api/admin/decision-policy', decisionPolicyRoutes({ db }, routes)],
    ['/api', calendarApi(deps, routes)],
  ];
  for (const [path, router] of mounts) app.use(path, router);

  app.use((_req, _res, next) => next(problems.notFound('没有这个接口')));
  app.use(errorHandler(deps.log));
  app.locals.routes = routes;
  return app;
}

/** The registry of an app made by createApp, for tests and tools. */
export function routesOf(app: Express): RouteRegistry {
  return app.locals.routes as RouteRegistry;
}

const healthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  down: z.array(z.string()),
  dependencies: z.record(
    z.string(),
    z.object({ status: z.enum(['ok', 'down']), error: z.string().optional() }),
  ),
});

function healthRoute(app: Express, routes: RouteRegistry, deps: AppDeps): void {
  const handler = healthHandler(healthChecks(deps), { cacheMs: deps.healthCacheMs ?? 5000 });
  defineRoute(
    { router: app, registry: routes, mountPath: '' },
    {
      method: 'get',
      path: '/healthz',
      tag: '运维',
      summary: '健康检查',
      auth: 'public',
      responses: {
        200: {
          description: '各依赖均可用（ok）；或仅没有 worker 在处理案件（degraded：可查询，案件不推进）',
          schema: healthResponse,
        },
        503: { description: '有依赖不可用' },
      },
    },
    async ({ req, res }) => {
      await handler(req, res, () => undefined);
    },
  );
}

function evidenceDeps(deps: AppDeps): { limits?: EvidenceLimits; storage?: EvidenceStorage } {
  return {
    ...(deps.evidenceLimits ? { limits: deps.evidenceLimits } : {}),
    ...(deps.evidenceStorage ? { storage: deps.evidenceStorage } : {}),
  };
}
