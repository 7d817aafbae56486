/**
 * Temporal's time-skipping test server (Java) with a real worker running the real
 * activities against the suite's PostgreSQL and an in-process SMTP server.
 */
import { randomBytes } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createCalendarStore, type CalendarStore } from '../../calendar/store';
import { scheduleFromChineseDays, scheduleVersion } from '../../domain/period';
import type { Db } from '../../store/pool';
import { createMailer } from '../../mail/mailer';
import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import { createCaseWorker } from '../../worker/create-worker';
import { createTestOrg, type TestOrg } from './fixtures';
import { recordingHistories, saveHistory } from './histories';

const { IndexedValueType } = temporal.api.enums.v1;
import { quietRuntime, testDb, workflowBundle } from './system';
import { testServerPath } from './tools';

export interface WorkflowTestEnv {
  env: TestWorkflowEnvironment;
  db: Db;
  mail: MailCatcher;
  /**
   * Runs `fn` with a worker polling a fresh task queue, then terminates the workflows `fn`
   * started: an open workflow whose worker is gone would hold the test server's clock still.
   */
  withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T>;
  /** Remembers a started workflow, to be terminated when its worker stops. */
  track(handle: WorkflowHandle): void;
  stop(): Promise<void>;
}

/**
 * The SDK gives the Java test server five seconds to start; on a busy machine (the whole suite
 * in parallel) the JVM can miss that, so a start is tried a few times.
 */
async function startTestServer(attempts = 5): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerPath() } },
      });
    } catch (err) {
      if (attempt >= attempts || !/did not start within/.test((err as Error).message)) throw err;
    }
  }
}

/** The test server knows no custom search attributes until told, as a real cluster's operator would. */
async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const types = {
    Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
    Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  };
  const searchAttributes = Object.fromEntries(
    Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([name, type]) => [name, types[type]]),
  );
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes,
  });
}

/**
 * The calendar of the workflow tests, with the holiday schedule bundled with the product: their
 * expected dates are computed from it, while the national schedule in the suite's shared database
 * is the calendar tests' to change for a while (holidays.test.ts imports a made-up 2027), which a
 * workflow running at that moment would otherwise read.
 */
function bundledSchedule(store: CalendarStore): CalendarStore {
  const schedule = scheduleFromChineseDays();
  return {
    schedule: async () => schedule,
    periodPolicy: () => store.periodPolicy(),
    catalogue: () => store.catalogue(),
    reminderPolicy: () => store.reminderPolicy(),
    versions: async () => ({ ...(await store.versions()), schedule: scheduleVersion(schedule) }),
    snapshot: async () => ({ ...(await store.snapshot()), schedule }),
  };
}

/**
 * Waits (a bounded while, its worker still running) until the workflow has no activity or
 * workflow task in flight. Terminated with work in flight, a workflow keeps the test server's
 * clock locked until that work's timeout: every later sleep in the file would crawl in real time.
 */
async function settled(handle: WorkflowHandle, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const described = await handle.describe().catch(() => undefined);
    if (!described || described.status.name !== 'RUNNING') return;
    const { pendingActivities, pendingWorkflowTask } = described.raw;
    if ((pendingActivities ?? []).length === 0 && !pendingWorkflowTask) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startWorkflowTestEnv(): Promise<WorkflowTestEnv> {
  quietRuntime();
  const env = await startTestServer();
  await registerSearchAttributes(env);
  const db = testDb();
  const mail = await startMailCatcher({ port: 0 });
  const mailer = createMailer({ smtpUrl: mail.url, from: '督办系统 <duban@test.example>' });
  const activities = createActivities({
    db,
    mailer,
    calendar: bundledSchedule(createCalendarStore(db)),
    publicUrl: 'http://duban.test',
  });
  const code = await workflowBundle();
  const started: WorkflowHandle[] = [];
  const terminateStarted = async () => {
    const handles = started.splice(0);
    if (recordingHistories()) for (const [i, handle] of handles.entries()) await saveHistory(handle, i);
    for (const handle of handles) await handle.terminate('test finished').catch(() => undefined);
  };
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
      try {
        return await worker.runUntil(async () => {
          const result = await fn(taskQueue);
          for (const handle of started) await settled(handle);
          return result;
        });
      } finally {
        await terminateStarted();
      }
    },
    track(handle) {
      started.push(handle);
    },
    async stop() {
      mailer.close();
      await mail.stop();
      await db.close();
      await env.teardown();
    },
  };
}

/** The workflow test environment with a test procuratorate of the file's own. */
export interface WorkflowWorld extends WorkflowTestEnv {
  org: TestOrg;
}

/**
 * Registers the file's beforeAll and afterAll; the fields are there once beforeAll has run, so
 * read them inside tests and later hooks, not at the top of the file.
 */
export function useWorkflowWorld(): WorkflowWorld {
  const world = {} as WorkflowWorld;
  beforeAll(async () => {
    Object.assign(world, await startWorkflowTestEnv());
    world.org = await createTestOrg(world.db);
  });
  afterAll(() => world.stop?.());
  return world;
}
