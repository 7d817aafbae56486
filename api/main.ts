import { Client } from '@temporalio/client';
import pino from 'pino';
import { startEvidenceStorage } from '../config/evidence-storage';
import { connectServices } from '../config/services';
import {
  connectTemporalClient,
  temporalDataConverter,
  temporalSettings,
} from '../config/temporal-connection';
import { describeFailure, fatal, loadConfigOrExit } from '../config/startup';
import { createApp } from './app';
import { watchStuckCases } from './operations/stuck-cases';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.LOG_LEVEL, base: { svc: 'api' } });
  const { db, mailer, connection, warnings } = await connectServices(config, {
    applicationName: 'duban-api',
    connectTemporal: () => connectTemporalClient(temporalSettings(config), { connectTimeout: '10 s' }),
  });
  for (const warning of warnings) log.warn(warning);
  const evidenceStorage = await startEvidenceStorage(config);
  const dataConverter = temporalDataConverter(config);
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });
  const stuckCases = watchStuckCases({
    temporal,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    log,
    intervalMs: config.STUCK_CASE_SCAN_SECONDS * 1000,
  });
  const app = createApp({
    db,
    temporal,
    mailer,
    log,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    authSecret: config.AUTH_SECRET,
    devMailbox: config.DEV_MAILBOX,
    trustProxy: config.TRUST_PROXY,
    https: config.PUBLIC_URL.startsWith('https:'),
    metricsToken: config.METRICS_TOKEN || undefined,
    answerTimeoutMs: config.ANSWER_TIMEOUT_SECONDS * 1000,
    stuckCases,
    temporalCodec: {
      codec: dataConverter.payloadCodecs?.[0],
      ...(config.TEMPORAL_UI_ORIGIN && { uiOrigin: config.TEMPORAL_UI_ORIGIN }),
    },
    evidenceLimits: {
      fileBytes: config.EVIDENCE_MAX_FILE_MB * 1024 * 1024,
      caseBytes: config.EVIDENCE_MAX_CASE_MB * 1024 * 1024,
    },
    ...(evidenceStorage && { evidenceStorage }),
  });
  const server = app.listen(config.PORT, config.HOST);
  server.once('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') fatal(`PORT=${config.PORT} is already in use on ${config.HOST}`);
    fatal(`cannot listen on HOST=${config.HOST} PORT=${config.PORT} (${err.code ?? err.message})`);
  });
  server.once('listening', () =>
    log.info({ port: config.PORT }, `API listening on http://${config.HOST}:${config.PORT}`),
  );
  // Ctrl-C under `npm start` reaches the API twice (SIGINT from the terminal, SIGTERM from
  // dev/start.ts): close everything once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stuckCases.stop();
    server.close(() => {
      connection
        .close()
        .then(() => db.close())
        .then(() => mailer.close())
        .catch((err: unknown) => fatal(`the API did not stop cleanly (${describeFailure(err)})`));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => fatal(`the API stopped (${describeFailure(err)})`));
