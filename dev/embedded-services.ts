import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fatal } from '../config/startup';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startMailCatcher, type CaughtMail } from './mail-catcher';
import { startPostgres } from './debian-postgres';
import { startTemporalDevServer } from './temporal-dev-server';
import { startTemporalServer } from './temporal-server';

export interface EmbeddedServices {
  env: {
    DATABASE_URL: string;
    /** Set when the database is the embedded one: its owner role, who migrates. */
    DATABASE_OWNER_URL?: string;
    TEMPORAL_ADDRESS: string;
    SMTP_URL: string;
    AUTH_SECRET: string;
    DEV_MAILBOX: string;
  };
  banner: string[];
  stop(): Promise<void>;
}

/** Uses each configured service, and starts an embedded one for each that is not configured. */
export async function startEmbeddedServices(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  log: (m: string) => void;
  /** Keeps a message caught by the embedded mail catcher. */
  storeMail: (m: CaughtMail) => Promise<void>;
}): Promise<EmbeddedServices> {
  const { dataDir, env, log } = options;
  const stops: (() => Promise<void>)[] = [];
  const banner: string[] = [];

  let temporalAddress = env.TEMPORAL_ADDRESS;
  if (!temporalAddress && env.DUBAN_TEMPORAL === 'server') {
    // The production engine: the Temporal server with its state in a PostgreSQL of its own.
    const serverDir =
      env.TEMPORAL_SERVER_DIR ?? fatal('TEMPORAL_SERVER_DIR is not set (run through `npm start`)');
    const pgPort = Number(env.TEMPORAL_PG_PORT ?? 54330);
    log(`starting PostgreSQL for the Temporal server (data/temporal-pg, port ${pgPort})…`);
    const pg = await startPostgres(join(dataDir, 'temporal-pg'), pgPort).catch((err: Error) =>
      fatal(`cannot start PostgreSQL for the Temporal server on TEMPORAL_PG_PORT=${pgPort} (${err.message})`),
    );
    log('starting the Temporal server (schema, namespace and search attributes set up when missing)…');
    const port = Number(env.TEMPORAL_PORT ?? 7233);
    const server = await startTemporalServer({
      serverDir,
      postgresUrl: pg.url.replace(/\/duban$/, '/postgres'),
      dataDir: join(dataDir, 'temporal-server'),
      port,
    }).catch(async (err: Error) => {
      await pg.stop();
      return fatal(`cannot start the Temporal server on TEMPORAL_PORT=${port} (${err.message})`);
    });
    // Stopped last: the Temporal server, then its database.
    stops.push(server.stop, () => pg.stop('fast'));
    temporalAddress = server.address;
    banner.push(`  Temporal server  ${server.address} (PostgreSQL persistence: data/temporal-pg; no Web UI)`);
  }
  if (!temporalAddress) {
    const cliPath = env.TEMPORAL_CLI_PATH ?? fatal('TEMPORAL_CLI_PATH is not set (run through `npm start`)');
    log('starting the Temporal dev server (data/temporal.db)…');
    const uiPort = Number(env.TEMPORAL_UI_PORT ?? 8233);
    const server = await startTemporalDevServer({
      cliPath,
      port: Number(env.TEMPORAL_PORT ?? 7233),
      uiPort,
      dbFile: join(dataDir, 'temporal.db'),
    }).catch((err: Error) =>
      fatal(
        `cannot start the Temporal dev server on TEMPORAL_PORT=${env.TEMPORAL_PORT ?? 7233} (${err.message})`,
      ),
    );
    stops.push(server.stop);
    temporalAddress = server.address;
    banner.push(`  Temporal Web UI  http://localhost:${uiPort}/`);
  }

  let databaseUrl = env.DATABASE_URL;
  let databaseOwnerUrl: string | undefined;
  if (!databaseUrl) {
    log('starting embedded PostgreSQL (PGlite, data/pg)…');
    const pg = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'pg'),
      port: Number(env.EMBEDDED_PG_PORT ?? 54329),
    }).catch((err: Error) =>
      fatal(
        `cannot start embedded PostgreSQL on EMBEDDED_PG_PORT=${env.EMBEDDED_PG_PORT ?? 54329} (${err.message})`,
      ),
    );
    stops.unshift(pg.stop);
    // Least privilege as on a real server: the owner migrates, the application's role may only
    // append to and read the timeline.
    databaseUrl = pg.appUrl;
    databaseOwnerUrl = pg.ownerUrl;
    banner.push(`  PostgreSQL       ${pg.appUrl}  (owner ${pg.ownerUrl}, superuser ${pg.url})`);
  }

  let smtpUrl = env.SMTP_URL;
  let devMailbox = env.DEV_MAILBOX ?? 'false';
  if (!smtpUrl) {
    const catcher = await startMailCatcher({
      port: Number(env.MAIL_CATCHER_PORT ?? 2525),
      onMessage: options.storeMail,
    }).catch((err: Error) =>
      fatal(
        `cannot start the mail catcher on MAIL_CATCHER_PORT=${env.MAIL_CATCHER_PORT ?? 2525} (${err.message})`,
      ),
    );
    stops.unshift(catcher.stop);
    smtpUrl = catcher.url;
    devMailbox = 'true';
    banner.push(
      `  Caught e-mail    http://localhost:${env.PORT ?? 3000}/api/dev/mail  (SMTP ${catcher.url})`,
    );
  }

  return {
    env: {
      DATABASE_URL: databaseUrl,
      ...(databaseOwnerUrl && { DATABASE_OWNER_URL: databaseOwnerUrl }),
      TEMPORAL_ADDRESS: temporalAddress,
      SMTP_URL: smtpUrl,
      AUTH_SECRET: authSecret(dataDir, env),
      DEV_MAILBOX: devMailbox,
    },
    banner,
    async stop() {
      for (const stop of stops) await stop().catch(() => undefined);
    },
  };
}

/** AUTH_SECRET from the environment, else one generated once and kept in data/auth-secret. */
function authSecret(dataDir: string, env: NodeJS.ProcessEnv): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
