/**
 * The real system for integration tests: the API on port 0, a real worker on its own task
 * queue, the suite's Temporal dev server and PostgreSQL, and a real SMTP server in-process.
 */
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import pino from 'pino';
import { createActivities } from '../../activities';
import { createCalendarStore } from '../../calendar/store';
import { createDb, type Db } from '../../store/pool';
import { createMailer, type Mailer } from '../../mail/mailer';
import { createApp, type AppDeps } from '../../api/app';
import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { createCaseWorker } from '../../worker/create-worker';
import { temporalDataConverter } from '../../config/temporal-connection';
import type { DataConverter } from '@temporalio/common';
import { cachedWorkflowBundle, quietLogger } from '../../dev/workflow-bundle-cache';

export interface System {
  baseUrl: string;
  db: Db;
  mail: MailCatcher;
  temporal: Client;
  taskQueue: string;
  worker: Worker;
  stop(): Promise<void>;
}

let bundle: Promise<{ code: string }> | undefined;
/** The workflow code of the sources as they are, bundled once for all test files (dev/workflow-bundle-cache.ts). */
export function workflowBundle(): Promise<{ code: string }> {
  bundle ??= cachedWorkflowBundle().then(({ path }) => ({ code: readFileSync(path, 'utf8') }));
  return bundle;
}

export function testDb(max = 5): Db {
  const url = process.env.DUBAN_TEST_DATABASE_URL;
  if (!url) throw new Error('DUBAN_TEST_DATABASE_URL is not set: run the suite through jest (global setup)');
  return createDb({ connectionString: url, max, applicationName: 'duban-test' });
}

let runtimeInstalled = false;
/** Keeps the SDK's own logging out of test output (once per process, as the SDK requires). */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: quietLogger() });
}

/** A case worker on `taskQueue` of the suite's Temporal server, as the worker process runs one. */
export async function startCaseWorker(deps: {
  db: Db;
  mailer: Mailer;
  taskQueue: string;
  /** The payload codec, as worker/main.ts passes it when TEMPORAL_CODEC_KEYS is set. */
  dataConverter?: DataConverter;
}): Promise<{ worker: Worker; stop(): Promise<void> }> {
  const workerConnection = await NativeConnection.connect({
    address: process.env.DUBAN_TEST_TEMPORAL_ADDRESS!,
  });
  const worker = await createCaseWorker({
    connection: workerConnection,
    namespace: 'default',
    taskQueue: deps.taskQueue,
    ...(deps.dataConverter && { dataConverter: deps.dataConverter }),
    activities: createActivities({
      db: deps.db,
      mailer: deps.mailer,
      calendar: createCalendarStore(deps.db),
      publicUrl: 'http://duban.test',
    }),
    workflowBundle: await workflowBundle(),
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await workerConnection.close();
    },
  };
}

export async function startSystem(
  options: {
    authSecret?: string;
    /** HTTP settings as the API's environment would give them (TRUST_PROXY, METRICS_TOKEN, …). */
    app?: Pick<
      AppDeps,
      | 'trustProxy'
      | 'https'
      | 'metricsToken'
      | 'healthCacheMs'
      | 'publicLeadsPerDay'
      | 'publicIntakeProofBits'
      | 'answerTimeoutMs'
      | 'evidenceLimits'
      | 'evidenceStorage'
    >;
    /** TEMPORAL_CODEC_KEYS of the worker, the API's client and its codec endpoint (default: none). */
    codecKeys?: string;
  } = {},
): Promise<System> {
  quietRuntime();
  const address = process.env.DUBAN_TEST_TEMPORAL_ADDRESS!;
  const db = testDb();
  const mail = await startMailCatcher({ port: 0 });
  const mailer = createMailer({ smtpUrl: mail.url, from: '督办系统 <duban@test.example>' });
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const dataConverter = temporalDataConverter({ TEMPORAL_CODEC_KEYS: options.codecKeys ?? '' });
  const caseWorker = await startCaseWorker({ db, mailer, taskQueue, dataConverter });
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: 'default', dataConverter });
  const app = createApp({
    db,
    temporal,
    mailer,
    log: pino({ level: 'silent' }),
    taskQueue,
    authSecret: options.authSecret ?? randomBytes(32).toString('hex'),
    temporalCodec: { codec: dataConverter.payloadCodecs?.[0], uiOrigin: 'http://temporal-ui.test' },
    // The proof of work is on, at a difficulty a test solves in a millisecond (the browser test runs the default).
    publicIntakeProofBits: 8,
    ...options.app,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    mail,
    temporal,
    taskQueue,
    worker: caseWorker.worker,
    async stop() {
      await new Promise((r) => server.close(r));
      await caseWorker.stop();
      await connection.close();
      mailer.close();
      await mail.stop();
      await db.close();
    },
  };
}
