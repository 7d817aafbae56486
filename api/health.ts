import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type { RequestHandler } from 'express';
import type { Db } from '../store/pool';
import type { Mailer } from '../mail/mailer';

export type DependencyName = 'temporal' | 'database' | 'mail' | 'worker';

/** Without these the API cannot serve at all (503); without a worker it still serves reads (degraded). */
const ESSENTIAL: readonly DependencyName[] = ['temporal', 'database', 'mail'];

/** A worker counts as present when it polled the case task queue this recently. */
const WORKER_SEEN_MS = 60_000;
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
  taskQueue: string;
}): Record<DependencyName, HealthCheck> {
  return {
    temporal: async () => {
      await deps.temporal.connection.withDeadline(Date.now() + TIMEOUT_MS, () =>
        deps.temporal.workflowService.getSystemInfo({}),
      );
    },
    database: () => deps.db.ping(),
    mail: () => deps.mailer.verify(),
    worker: async () => {
      const { pollers } = await deps.temporal.connection.withDeadline(Date.now() + TIMEOUT_MS, () =>
        deps.temporal.workflowService.describeTaskQueue({
          namespace: deps.temporal.options.namespace,
          taskQueue: { name: deps.taskQueue },
          taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      );
      const seen = pollers.map((p) => Number(p.lastAccessTime?.seconds ?? 0) * 1000);
      if (!seen.some((at) => Date.now() - at < WORKER_SEEN_MS))
        throw Object.assign(new Error('no worker'), { code: 'NO_WORKER_POLLING' });
    },
  };
}

/** One round of checks: each dependency's status. */
type Round = {
  dependencies: Record<string, { status: 'ok' | 'down'; error?: string }>;
  down: DependencyName[];
};

/**
 * GET /healthz: 200 "ok" when every dependency answers; 200 "degraded" when only the worker is
 * missing (reads are served, cases do not move); else 503 naming what is down. Cheap
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
    const unavailable = down.some((d) => ESSENTIAL.includes(d));
    const status = unavailable ? 'down' : down.length > 0 ? 'degraded' : 'ok';
    if (down.length > 0) res.setHeader('Retry-After', '5');
    res.status(unavailable ? 503 : 200).json({ status, down, dependencies });
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
