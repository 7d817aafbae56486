/**
 * What every benchmark runs against: the fault suite's cluster (PostgreSQL, a Temporal dev server
 * persisted to a SQLite file in WAL mode, SMTP, the real worker and API as processes), a
 * procuratorate with its staff, and a bare Temporal worker on the same server for the bare arms.
 * B8 runs the same benchmarks on a second such context whose Temporal is the production server.
 */
import { randomBytes } from 'node:crypto';
import { NativeConnection, Runtime, bundleWorkflowCode, Worker } from '@temporalio/worker';
import { startCluster, type Cluster } from '../tests/helpers/cluster';
import { createWorld, type World } from '../tests/faults/support/world';

export interface Sizes {
  quick: boolean;
  rounds: number;
  /** B3's number of cases, when not the mode's (`--herd N`). */
  herd?: number;
  /** B4's number of idle cases under a bounded cache, when not the mode's (`--idle N`). */
  idle?: number;
  /** B6's number of cases in the filtered list, when not the mode's (`--list N`). */
  list?: number;
}

export interface BenchContext {
  cluster: Cluster;
  world: World;
  bareQueue: string;
  sizes: Sizes;
  log(message: string): void;
  stop(): Promise<void>;
}

const noop = () => undefined;
const quiet = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };

export async function startBenchContext(sizes: Sizes): Promise<BenchContext> {
  Runtime.install({ logger: quiet });
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  log('starting PostgreSQL, Temporal (file-persisted), SMTP, worker and API …');
  // B7 grows a case to 10,000 history events: the server would otherwise suggest continuing as new at
  // about 4,000 (which the case workflow does), and B7 would measure a fresh run instead.
  const cluster = await startCluster({
    name: 'bench',
    temporalConfig: {
      'limit.historyCount.suggestContinueAsNew': 20_000,
      'limit.historySize.suggestContinueAsNew': 40 * 2 ** 20,
    },
  });
  return benchContextOn(cluster, sizes, log);
}

/**
 * B8's installation: the production Temporal server with its state in the bench's own PostgreSQL
 * server (a read model database of its own beside it), its own worker, API and SMTP server.
 */
export async function startServerContext(ctx: BenchContext): Promise<BenchContext> {
  ctx.log('starting the Temporal server on PostgreSQL, with its own worker, API and SMTP …');
  const cluster = await startCluster({
    name: 'bench_server',
    engine: 'server',
    sharedPostgres: ctx.cluster.postgres,
  });
  return benchContextOn(cluster, ctx.sizes, ctx.log);
}

/** A procuratorate with its staff on `cluster`, and a bare worker on the same Temporal for the bare arms. */
async function benchContextOn(
  cluster: Cluster,
  sizes: Sizes,
  log: (message: string) => void,
): Promise<BenchContext> {
  let world: World;
  let connection: NativeConnection | undefined;
  let bare: Worker;
  const bareQueue = `bare-${randomBytes(3).toString('hex')}`;
  try {
    world = await createWorld(cluster.apiUrl, cluster.db, '00:00');
    connection = await NativeConnection.connect({ address: cluster.env.temporalAddress });
    bare = await Worker.create({
      connection,
      namespace: 'default',
      taskQueue: bareQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('./workflows'),
        logger: quiet,
      }),
      maxCachedWorkflows: 10_000,
    });
  } catch (err) {
    await connection?.close().catch(() => undefined);
    await cluster.stop().catch(() => undefined);
    throw err;
  }
  const running = bare.run();
  return {
    cluster,
    world,
    bareQueue,
    sizes,
    log,
    async stop() {
      bare.shutdown();
      await running;
      await connection.close();
      await cluster.stop();
    },
  };
}

/** Picks the quick or the full size of a parameter. */
export function size(ctx: BenchContext, quick: number, full: number): number {
  return ctx.sizes.quick ? quick : full;
}
