/**
 * Temporal's time-skipping test server (Java) with a real worker running the real
 * activities against the suite's PostgreSQL and an in-process SMTP server.
 */
import { randomBytes } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { Db } from '../../activities/db/pool';
import { createMailer } from '../../activities/mail/mailer';
import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { createCaseWorker } from '../../worker/create-worker';
import { quietRuntime, testDb, workflowBundle } from './system';
import { testServerPath } from './tools';

export interface WorkflowTestEnv {
  env: TestWorkflowEnvironment;
  db: Db;
  mail: MailCatcher;
  /** Runs `fn` with a worker polling a fresh task queue. */
  withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export async function startWorkflowTestEnv(): Promise<WorkflowTestEnv> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath() } },
  });
  const db = testDb();
  const mail = await startMailCatcher({ port: 0 });
  const mailer = createMailer({ smtpUrl: mail.url, from: '督办系统 <duban@test.example>' });
  const activities = createActivities({ db, mailer, publicUrl: 'http://duban.test' });
  const code = await workflowBundle();
  return {
    env,
    db,
    mail,
    async withWorker(fn) {
      const taskQueue = `wf-${randomBytes(4).toString('hex')}`;
      const worker: Worker = await createCaseWorker({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        taskQueue,
        activities,
        workflowBundle: code,
      });
      return worker.runUntil(fn(taskQueue));
    },
    async stop() {
      mailer.close();
      await mail.stop();
      await db.close();
      await env.teardown();
    },
  };
}
