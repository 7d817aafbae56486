import type { LogLevel } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import { createActivities } from '../activities';
import { createCalendarStore } from '../calendar/store';
import type { Db } from '../store/pool';
import { connectServices } from '../config/services';
import {
  temporalConnectionOptions,
  temporalDataConverter,
  temporalSettings,
} from '../config/temporal-connection';
import { describeFailure, fatal, loadConfigOrExit } from '../config/startup';
import { loadSigner } from '../store/audit/signing';
import { startCheckpointJob } from './checkpoints';
import { createCaseWorker } from './create-worker';
import { findWorkflowCode } from './workflow-code';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.LOG_LEVEL, base: { svc: 'worker' } });
  Runtime.install({ logger: sdkLogger(log) });
  const code = findWorkflowCode(config.WORKFLOW_BUNDLE_PATH);
  if (code.kind === 'missing')
    fatal(`WORKFLOW_BUNDLE_PATH=${code.codePath} names no file (npm run build writes one)`);
  const { db, mailer, connection, warnings } = await connectServices(config, {
    applicationName: 'duban-worker',
    connectTemporal: () => NativeConnection.connect(temporalConnectionOptions(temporalSettings(config))),
  });
  for (const warning of warnings) log.warn(warning);
  const worker = await createCaseWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataConverter: temporalDataConverter(config),
    activities: createActivities({
      db,
      mailer,
      calendar: createCalendarStore(db),
      publicUrl: config.PUBLIC_URL,
    }),
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    shutdownGraceSeconds: config.WORKER_SHUTDOWN_GRACE_SECONDS,
    ...(code.kind === 'prebuilt' && { workflowBundle: { codePath: code.codePath } }),
  });
  // Ctrl-C under `npm start` reaches the worker twice: SIGINT from the terminal, then
  // SIGTERM from dev/start.ts. Only a running worker can be asked to shut down.
  const stop = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const checkpoints = startCheckpoints(config, db, log);
  const workflows = code.kind === 'prebuilt' ? code.codePath : 'bundled from source';
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, workflows }, 'worker running');
  await worker.run();
  await checkpoints?.stop();
  await connection.close();
  mailer.close();
  await db.close();
  log.info('worker stopped');
}

function startCheckpoints(config: ReturnType<typeof loadConfigOrExit>, db: Db, log: Logger) {
  if (!config.AUDIT_SIGNING_KEY_FILE) {
    log.warn(
      'AUDIT_SIGNING_KEY_FILE is not set: timelines are not checkpointed (duban audit keygen makes a key)',
    );
    return undefined;
  }
  let signer;
  try {
    signer = loadSigner(config.AUDIT_SIGNING_KEY_FILE);
  } catch (err) {
    fatal(
      `cannot read the signing key AUDIT_SIGNING_KEY_FILE=${config.AUDIT_SIGNING_KEY_FILE} (${describeFailure(err)})`,
    );
  }
  log.info(
    { keyId: signer.keyId, everySeconds: config.AUDIT_CHECKPOINT_INTERVAL_SECONDS },
    'timeline checkpoints on',
  );
  return startCheckpointJob({
    db,
    signer,
    intervalMs: config.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000,
    ...(config.AUDIT_CHECKPOINT_FILE && { file: config.AUDIT_CHECKPOINT_FILE }),
    log,
  });
}

const SEVERITY: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

/**
 * Temporal's own log lines through pino. The SDK's routine reports (the workflow bundle's
 * webpack summary, worker state changes) are dropped below WARN unless LOG_LEVEL is debug or
 * trace; what workflows and activities log through Temporal's `log` keeps LOG_LEVEL.
 */
function sdkLogger(log: Logger): DefaultLogger {
  const verbose = log.isLevelEnabled('debug');
  return new DefaultLogger('TRACE', ({ level, message, meta }) => {
    const component: unknown = meta?.sdkComponent;
    const fromCaseCode = component === 'workflow' || component === 'activity';
    if (!fromCaseCode && !verbose && SEVERITY[level] < SEVERITY.WARN) return;
    log[level.toLowerCase() as Lowercase<LogLevel>]({ ...meta }, message);
  });
}

main().catch((err: unknown) => fatal(`the worker stopped (${describeFailure(err)})`));
