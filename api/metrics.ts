/**
 * Prometheus metrics: request counts and latencies by route pattern (never by concrete path,
 * which would carry IDs and tracking codes), and gauges read from the database on scrape.
 */
import type { Express, RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import { operationalFigures } from '../store/metrics';
import type { Db } from '../store/pool';
import { STAGES } from '../domain/case/stages';
import type { StuckCaseWatch } from './operations/stuck-cases';
import { problems } from './problem';
import { defineRoute, type RouteRegistry } from './routing';
import { bearerMatches } from './security';

export interface Metrics {
  register: Registry;
  observeRequests: RequestHandler;
}

export function createMetrics(deps: { db: Db; routes: RouteRegistry; stuckCases: StuckCaseWatch }): Metrics {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'duban_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests',
    labelNames,
    registers: [register],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  registerGauges(register, deps.db);
  new Gauge({
    name: 'duban_stuck_cases',
    help: 'Cases whose workflow task keeps failing (last scan; STUCK_CASE_SCAN_SECONDS)',
    registers: [register],
    collect() {
      this.set(deps.stuckCases.current().cases.length);
    },
  });
  const observeRequests: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    const path = req.path;
    res.once('finish', () => {
      const labels = {
        method: req.method,
        route: deps.routes.match(req.method, path)?.fullPath ?? 'unmatched',
        status: String(res.statusCode),
      };
      requests.inc(labels);
      latency.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
  return { register, observeRequests };
}

function registerGauges(register: Registry, db: Db): void {
  // The gauges are collected in parallel on a scrape: they share one read of the database.
  let pending: ReturnType<typeof read> | undefined;
  const read = () => operationalFigures(db).catch(() => undefined);
  const figures = () => {
    pending ??= read().finally(() => (pending = undefined));
    return pending;
  };
  const gauge = (
    name: string,
    help: string,
    set: (g: Gauge, f: Figures) => void,
    labelNames: string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [register],
      async collect() {
        const f = await figures();
        if (f) set(this, f); // a database outage leaves the last values
      },
    });
  gauge(
    'duban_cases_by_stage',
    'Cases by stage',
    (g, f) => {
      g.reset();
      for (const stage of STAGES) g.set({ stage }, 0);
      for (const row of f.casesByStage) g.set({ stage: row.stage }, row.n);
    },
    ['stage'],
  );
  gauge('duban_overdue_clocks', 'Cases with a clock past its deadline', (g, f) => g.set(f.overdueCases));
  gauge('duban_mail_sent_total', 'E-mails sent (outbox)', (g, f) => g.set(f.mailSent));
  gauge('duban_mail_failed_total', 'E-mails not sent whose last attempt failed (outbox)', (g, f) =>
    g.set(f.mailFailed),
  );
}

type Figures = Awaited<ReturnType<typeof operationalFigures>>;

/** GET /metrics, in Prometheus' text format. */
export function metricsRoute(app: Express, routes: RouteRegistry, metrics: Metrics, token?: string): void {
  defineRoute(
    { router: app, registry: routes, mountPath: '' },
    {
      method: 'get',
      path: '/metrics',
      tag: '运维',
      summary: 'Prometheus 指标',
      description: '配置了 METRICS_TOKEN 时，须带 `Authorization: Bearer <METRICS_TOKEN>`。',
      auth: 'public',
      responses: {
        200: { description: '指标（文本格式）', schema: z.string(), contentType: 'text/plain' },
        401: { description: '配置了 METRICS_TOKEN，而请求未带或带错了它' },
      },
    },
    async ({ req, res }) => {
      if (token && !bearerMatches(req, token))
        throw problems.unauthenticated('请提供正确的指标令牌（METRICS_TOKEN）');
      res.type(metrics.register.contentType).send(await metrics.register.metrics());
    },
  );
}
