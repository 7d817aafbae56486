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

/** One round of checks: each dependency's status. */
type Round = {
  dependencies: Record<string, { status: 'ok' | 'down'; error?: string }>;
  down: DependencyName[];
};

/**
 * GET /healthz: 200 when every dependency answers, else 503 naming the ones that do not. Cheap
 * under load: one round of checks serves every request for `cacheMs`, and requests that arrive
 * while a round runs wait for it, so a burst opens no new SMTP, Temporal or database connection.
 * A round that found a dependency down serves for a second at most.
 */
export function healthHandler(
  checks: Record<DependencyName, HealthCheck>,
  options: { cacheMs: number; now?: () => number },
): RequestHandler {
  const now = options.now ?? Date.now;
  // A round that found a dependency down is kept a second at most, so recovery shows at once.
  const downMs = Math.min(options.cacheMs, 1000);
  let last: { at: number; ttl: number; round: Promise<Round> } | undefined;
  const round = (): Promise<Round> => {
    if (last && now() - last.at < last.ttl) return last.round;
    const started: NonNullable<typeof last> = { at: now(), ttl: options.cacheMs, round: checkAll(checks) };
    void started.round.then((r) => {
      if (r.down.length > 0) started.ttl = downMs;
    });
    last = started;
    return started.round;
  };
  return async (_req, res) => {
    const { dependencies, down } = await round();
    if (down.length > 0) res.setHeader('Retry-After', '5');
    res
      .status(down.length === 0 ? 200 : 503)
      .json({ status: down.length === 0 ? 'ok' : 'down', down, dependencies });
  };
}

async function checkAll(checks: Record<DependencyName, HealthCheck>): Promise<Round> {
  const names = Object.keys(checks) as DependencyName[];
  const results = await Promise.allSettled(names.map((n) => withTimeout(checks[n])));
  const dependencies: Round['dependencies'] = {};
  names.forEach((name, i) => {
    const r = results[i]!;
    dependencies[name] =
      r.status === 'fulfilled' ? { status: 'ok' } : { status: 'down', error: describe(r.reason) };
  });
  return { dependencies, down: names.filter((n) => dependencies[n]!.status === 'down') };
}

function describe(err: unknown): string {
  const code = (err as { code?: string | number })?.code;
  return code !== undefined ? `unreachable (${code})` : 'unreachable';
}
