import { NativeConnection } from '@temporalio/worker';
import pino from 'pino';
import { createActivities } from '../activities';
import { migrate } from '../activities/db/migrate';
import { createDb } from '../activities/db/pool';
import { createMailer } from '../activities/mail/mailer';
import { loadConfigOrExit, redactUrl, startupStep } from '../config/startup';
import { createCaseWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.LOG_LEVEL, base: { svc: 'worker' } });
  const db = createDb({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
    applicationName: 'duban-worker',
  });
  await startupStep(`cannot reach the database at DATABASE_URL=${redactUrl(config.DATABASE_URL)}`, () =>
    db.ping(),
  );
  await startupStep('database migration failed', () => migrate(db));
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  await startupStep(`cannot reach the SMTP server at SMTP_URL=${redactUrl(config.SMTP_URL)}`, () =>
    mailer.verify(),
  );
  const connection = await startupStep(
    `cannot reach Temporal at TEMPORAL_ADDRESS=${config.TEMPORAL_ADDRESS}`,
    () => NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }),
  );
  const worker = await createCaseWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: createActivities({ db, mailer, publicUrl: config.PUBLIC_URL }),
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker running');
  await worker.run();
  await connection.close();
  mailer.close();
  await db.close();
  log.info('worker stopped');
}

void main();
