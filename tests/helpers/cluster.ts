/**
 * A whole duban installation on this machine that a test can break piece by piece: its own
 * PostgreSQL server (restartable), its own Temporal dev server persisted to a SQLite file
 * (killable and restartable on the same port), an SMTP server on a fixed port that can go
 * down and come back, and the worker and the API as child processes.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createDb, type Db } from '../../store/pool';
import { migrate } from '../../store/migrate';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../dev/mail-catcher';
import { freePort, startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-dev-server';
import { startPostgres, type PostgresServer } from '../../dev/debian-postgres';
import { startTemporalServer } from '../../dev/temporal-server';
import { temporalCliPath, temporalServerDir } from './tools';
import {
  startApiProcess,
  startWorkerProcess,
  waitUntil,
  type ServiceEnv,
  type ServiceProcess,
} from './processes';

const ROOT = join(__dirname, '..', '..');

export interface Cluster {
  dir: string;
  env: ServiceEnv;
  db: Db;
  temporal: Client;
  apiUrl: string;
  /** Every message the SMTP server accepted, across its restarts. */
  mail: CaughtMail[];
  worker?: ServiceProcess;
  api?: ServiceProcess;
  startWorker(extra?: Record<string, string>): Promise<ServiceProcess>;
  startApi(): Promise<ServiceProcess>;
  smtp: { up(): Promise<void>; down(): Promise<void>; onMessage?: (m: CaughtMail) => Promise<void> };
  temporalServer: { kill9(): Promise<void>; start(): Promise<void> };
  postgres: PostgresServer;
  logFile(name: string): string;
  stop(): Promise<void>;
}

export async function startCluster(options: {
  name: string;
  withApi?: boolean;
  /** The Temporal server's dynamic configuration (see startTemporalDevServer). */
  temporalConfig?: Record<string, string | number | boolean>;
  /**
   * `dev`: the Temporal CLI's dev server on a SQLite file (default); `server`: the production
   * Temporal server with its state in this cluster's PostgreSQL (the smoke suite).
   */
  engine?: 'dev' | 'server';
  /**
   * A PostgreSQL server already running (another cluster's) instead of one of its own: this
   * cluster's read model is a database of its own on it, `duban_<name>`, and stop() leaves the
   * server running. With `engine: 'server'` the Temporal server's databases go there too.
   */
  sharedPostgres?: PostgresServer;
}): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), `duban-${options.name}-`));
  chmodSync(dir, 0o755); // PostgreSQL runs as the postgres user when we are root
  const postgres = options.sharedPostgres ?? (await startPostgres(join(dir, 'pg')));
  const databaseUrl = options.sharedPostgres
    ? await createDatabase(postgres.url, `duban_${options.name.replace(/\W/g, '_')}`)
    : postgres.url;
  const db = createDb({ connectionString: databaseUrl, max: 5, applicationName: 'duban-test' });
  await migrate(db);

  const temporalPort = await freePort();
  const dbFile = join(dir, 'temporal.db');
  let temporalServer: TemporalDevServer | undefined;
  const startTemporal = async () => {
    temporalServer =
      options.engine === 'server'
        ? await startTemporalServer({
            serverDir: temporalServerDir(),
            postgresUrl: postgres.url.replace(/\/duban$/, '/postgres'),
            dataDir: join(dir, 'temporal-server'),
            port: temporalPort,
          })
        : await startTemporalDevServer({
            cliPath: temporalCliPath(),
            port: temporalPort,
            dbFile,
            dynamicConfig: options.temporalConfig,
          });
  };
  await startTemporal();
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  const temporal = new Client({ connection, namespace: 'default' });

  const smtpPort = await freePort();
  const mail: CaughtMail[] = [];
  let catcher: MailCatcher | undefined;
  const smtp: Cluster['smtp'] = {
    async up() {
      if (catcher) return;
      catcher = await startMailCatcher({
        port: smtpPort,
        onMessage: async (m) => {
          mail.push(m);
          await smtp.onMessage?.(m);
        },
      });
    },
    async down() {
      const c = catcher;
      catcher = undefined;
      await c?.stop();
    },
  };
  await smtp.up();

  const env: ServiceEnv = {
    databaseUrl,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    taskQueue: `faults-${randomBytes(3).toString('hex')}`,
    authSecret: randomBytes(32).toString('hex'),
  };
  const apiPort = await freePort();
  const logFile = (name: string) => join(ROOT, 'artifacts', 'faults', options.name, `${name}.log`);
  const cluster: Cluster = {
    dir,
    env,
    db,
    temporal,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    mail,
    smtp,
    postgres,
    logFile,
    async startWorker(extra = {}) {
      cluster.worker = await startWorkerProcess(env, logFile('worker'), extra);
      return cluster.worker;
    },
    async startApi() {
      cluster.api = await startApiProcess(env, apiPort, logFile('api'));
      return cluster.api;
    },
    temporalServer: {
      async kill9() {
        const child = temporalServer?.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      },
      start: startTemporal,
    },
    async stop() {
      await Promise.all([cluster.api?.stop(), cluster.worker?.stop()]);
      await connection.close();
      await temporalServer?.stop();
      await smtp.down();
      await db.close();
      if (!options.sharedPostgres) await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.startWorker();
  if (options.withApi !== false) await cluster.startApi();
  return cluster;
}

/** A new, empty database on the server of `serverUrl` (whose role may create one); its URL. */
async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = createDb({ connectionString: serverUrl, max: 1, applicationName: 'duban-test' });
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Ends the server-side sessions of the worker and the API (pg_terminate_backend). */
export async function terminateAppConnections(db: Db): Promise<number> {
  const rows = await db.query<{ n: string }>(
    `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
      WHERE application_name IN ('duban-worker', 'duban-api')`,
  );
  return Number(rows[0]?.n ?? 0);
}

export { startPostgres, waitUntil, type PostgresServer };
