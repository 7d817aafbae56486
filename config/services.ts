import { createMailer, type Mailer } from '../mail/mailer';
import { createDb, type Db } from '../store/pool';
import type { Config } from './config';
import { prepareDatabase } from './database';
import { checkTemporalNamespace, fatal, redactUrl, startupStep } from './startup';
import { describeProblem, temporalSetupProblems, type TemporalAdmin } from './temporal-setup';

/** What the API's client connection and the worker's native connection both offer. */
export type TemporalConnection = TemporalAdmin;

export interface Services<C extends TemporalConnection> {
  db: Db;
  mailer: Mailer;
  connection: C;
  /** What start-up found unsafe but not fatal (e.g. the application runs as the tables' owner), to log. */
  warnings: string[];
}

export interface ServicesOptions<C extends TemporalConnection> {
  /** Shown in PostgreSQL's pg_stat_activity, e.g. duban-api. */
  applicationName: string;
  /** Connects to TEMPORAL_ADDRESS with the TLS and API key settings (config/temporal-connection.ts). */
  connectTemporal(): Promise<C>;
}

/**
 * The start-up sequence of the API and the worker: database (reached, then migrated), mail
 * server, Temporal (reached, then the namespace found). The first step that fails stops the
 * process with one line naming the setting at fault.
 */
export async function connectServices<C extends TemporalConnection>(
  config: Config,
  options: ServicesOptions<C>,
): Promise<Services<C>> {
  const db = createDb({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
    applicationName: options.applicationName,
  });
  await startupStep(`cannot reach the database at DATABASE_URL=${redactUrl(config.DATABASE_URL)}`, () =>
    db.ping(),
  );
  const warnings = await prepareDatabase(config, db);
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  await startupStep(`cannot reach the SMTP server at SMTP_URL=${redactUrl(config.SMTP_URL)}`, () =>
    mailer.verify(),
  );
  const connection = await startupStep(
    `cannot reach Temporal at TEMPORAL_ADDRESS=${config.TEMPORAL_ADDRESS}`,
    () => options.connectTemporal(),
  );
  await checkTemporalNamespace(config, (namespace) =>
    connection.withDeadline(Date.now() + 10_000, () =>
      connection.workflowService.describeNamespace({ namespace }),
    ),
  );
  // A mistyped or missing search attribute fails every new case's first workflow task: refuse to start.
  const problems = await startupStep(
    `cannot read the search attributes of TEMPORAL_NAMESPACE=${config.TEMPORAL_NAMESPACE}`,
    () => temporalSetupProblems(connection, config.TEMPORAL_NAMESPACE),
  );
  if (problems.length > 0) fatal(describeProblem(problems[0]!, config.TEMPORAL_ADDRESS));
  return { db, mailer, connection, warnings };
}
