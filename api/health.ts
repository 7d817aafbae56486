import type { Client } from '@temporalio/client';
import type { RequestHandler } from 'express';
import type { Db } from '../store/pool';
import type { Mailer } from '../mail/mailer';

export type DependencyName = 'temporal' | 'database' | 'mail';
export type HealthCheck = () => Promise<void>;

const TIMEOUT_MS = 3000;

function withTimeout(check: HealthCheck): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
    check().then(
      () => (clearTimeout(timer), resolve()),
      (err: unknown) => (clearTimeout(timer), reject(err)),
    );
  });
}

export function healthChecks(deps: {
  db: Db;
  temporal: Client;
  mailer: Mailer;
}): Record<DependencyName, HealthCheck> {
  return {
    temporal: async () => {
      await deps.temporal.connection.withDeadline(Date.now() + TIMEOUT_MS, () =>
        deps.temporal.workflowService.getSystemInfo({}),
      );
    },
    database: () => deps.db.ping(),
    mail: () => deps.mailer.verify(),
  };
}

/** GET /healthz: 200 when every dependency answers, else 503 naming the ones that do not. */
export function healthHandler(checks: Record<DependencyName, HealthCheck>): RequestHandler {
  return async (_req, res) => {
    const names = Object.keys(checks) as DependencyName[];
    const results = await Promise.allSettled(names.map((n) => withTimeout(checks[n])));
    const dependencies: Record<string, { status: 'ok' | 'down'; error?: string }> = {};
    names.forEach((name, i) => {
      const r = results[i]!;
      dependencies[name] =
        r.status === 'fulfilled' ? { status: 'ok' } : { status: 'down', error: describe(r.reason) };
    });
    const down = names.filter((n) => dependencies[n]!.status === 'down');
    if (down.length > 0) res.setHeader('Retry-After', '5');
    res
      .status(down.length === 0 ? 200 : 503)
      .json({ status: down.length === 0 ? 'ok' : 'down', down, dependencies });
  };
}

function describe(err: unknown): string {
  const code = (err as { code?: string | number })?.code;
  return code !== undefined ? `unreachable (${code})` : 'unreachable';
}
