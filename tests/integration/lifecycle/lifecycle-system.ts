/**
 * The real system for the lifecycle tests, on the suite's Temporal dev server and PostgreSQL:
 * the API in this process on port 0, an SMTP server on a fixed port that can go down and come
 * back, and the worker either in this process (with a reminder policy that sends at any hour,
 * set on its calendar store so the shared database keeps its own) or as a child process
 * (worker/main.ts) that a test can kill with SIGKILL.
 */
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import pino from 'pino';
import { createActivities } from '../../../activities';
import { createCalendarStore, type CalendarStore } from '../../../calendar/store';
import { reminderPolicyFrom } from '../../../calendar/reminder-policy';
import type { Db } from '../../../store/pool';
import { createMailer } from '../../../mail/mailer';
import { createApp } from '../../../api/app';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../../dev/mail-catcher';
import { freePort } from '../../../dev/temporal-dev-server';
import { createCaseWorker } from '../../../worker/create-worker';
import { anyTimeReminders } from '../../faults/support/world';
import { startWorkerProcess, type ServiceProcess } from '../../helpers/processes';
import { quietRuntime, testDb, workflowBundle } from '../../helpers/system';

export interface LifecycleSystem {
  baseUrl: string;
  db: Db;
  temporal: Client;
  /** Every message the SMTP server accepted, across its restarts. */
  mail: CaughtMail[];
  smtp: { up(): Promise<void>; down(): Promise<void> };
  /** The worker process, when the worker runs as one. */
  worker?: ServiceProcess;
  startWorkerProcess(): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/** The worker's calendar with the reminder policy replaced: any hour of any day. */
function anyTimeCalendar(db: Db): CalendarStore {
  const stored = createCalendarStore(db);
  const reminders = reminderPolicyFrom('reminders-test-any-time', anyTimeReminders());
  return {
    ...stored,
    reminderPolicy: async () => reminders,
    versions: async () => ({ ...(await stored.versions()), reminders: reminders.version }),
    snapshot: async () => ({ ...(await stored.snapshot()), reminders }),
  };
}

export async function startLifecycleSystem(options: {
  worker: 'in-process' | 'process';
}): Promise<LifecycleSystem> {
  quietRuntime();
  const address = process.env.DUBAN_TEST_TEMPORAL_ADDRESS!;
  const db = testDb();
  const smtpPort = await freePort();
  const mail: CaughtMail[] = [];
  let catcher: MailCatcher | undefined;
  const smtp = {
    async up() {
      catcher ??= await startMailCatcher({ port: smtpPort, onMessage: async (m) => void mail.push(m) });
    },
    async down() {
      const c = catcher;
      catcher = undefined;
      await c?.stop();
    },
  };
  await smtp.up();
  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  const mailer = createMailer({ smtpUrl, from: '督办系统 <duban@test.example>' });
  const taskQueue = `lifecycle-${randomBytes(4).toString('hex')}`;
  const authSecret = randomBytes(32).toString('hex');

  let inProcess: { worker: Worker; running: Promise<void>; connection: NativeConnection } | undefined;
  if (options.worker === 'in-process') {
    const connection = await NativeConnection.connect({ address });
    const worker = await createCaseWorker({
      connection,
      namespace: 'default',
      taskQueue,
      activities: createActivities({
        db,
        mailer,
        calendar: anyTimeCalendar(db),
        publicUrl: 'http://duban.test',
      }),
      workflowBundle: await workflowBundle(),
    });
    inProcess = { worker, running: worker.run(), connection };
  }
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: 'default' });
  const app = createApp({ db, temporal, mailer, log: pino({ level: 'silent' }), taskQueue, authSecret });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const system: LifecycleSystem = {
    baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    db,
    temporal,
    mail,
    smtp,
    async startWorkerProcess() {
      const env = {
        databaseUrl: process.env.DUBAN_TEST_DATABASE_URL!,
        smtpUrl,
        temporalAddress: address,
        taskQueue,
        authSecret,
      };
      system.worker = await startWorkerProcess(env, join(tmpdir(), `duban-lifecycle-${taskQueue}.log`));
      return system.worker;
    },
    async stop() {
      await new Promise((r) => server.close(r));
      await system.worker?.stop();
      if (inProcess) {
        inProcess.worker.shutdown();
        await inProcess.running;
        await inProcess.connection.close();
      }
      await connection.close();
      mailer.close();
      await smtp.down();
      await db.close();
    },
  };
  if (options.worker === 'process') await system.startWorkerProcess();
  return system;
}
