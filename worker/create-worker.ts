import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../activities';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** The payload codec when TEMPORAL_CODEC_KEYS is set (config/temporal-connection.ts). */
  dataConverter?: WorkerOptions['dataConverter'];
  maxCachedWorkflows?: number;
  /** On shutdown, how long running activities may finish before they are cancelled (default 0). */
  shutdownGraceSeconds?: number;
  /** A pre-built bundle (tests build one per file); otherwise the workflows are bundled from source. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...(options.dataConverter && { dataConverter: options.dataConverter }),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../workflows') }),
    maxCachedWorkflows: options.maxCachedWorkflows ?? 1000,
    shutdownGraceTime: `${options.shutdownGraceSeconds ?? 0} seconds`,
    reuseV8Context: true,
  });
}
