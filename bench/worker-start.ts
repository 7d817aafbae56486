/**
 * How long a worker takes to start, from process start to its "worker running" line, side by
 * side: from the sources (tsx, workflows bundled by webpack at start, as before the production
 * build) and from `npm run build`'s output (plain node, the prebuilt bundle). Run after
 * `npm run build`:
 *
 *   node --require tsx/cjs bench/worker-start.ts [rounds]
 *
 * Starts its own Temporal dev server, embedded PostgreSQL and mail catcher in a scratch folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../dev/temporal-dev-server';
import { startEmbeddedServices } from '../dev/embedded-services';
import { migrate } from '../store/migrate';
import { createDb } from '../store/pool';

const ROOT = join(__dirname, '..');
const ARMS: Record<string, string[]> = {
  'from source (tsx, bundled at start)': ['--require', 'tsx/cjs', 'worker/main.ts'],
  'compiled (dist/, prebuilt bundle)': ['dist/worker/main.js'],
};

/** Milliseconds from spawn to the ready line; the worker is then stopped and awaited. */
function timeStart(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('worker running')) return;
      const ms = performance.now() - started;
      child.stdout.off('data', onData);
      child.once('exit', () => resolve(ms));
      child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!output.includes('worker running'))
        reject(new Error(`worker exited (${code}): ${output.slice(-600)}`));
    });
  });
}

async function main(rounds: number): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'workflow-bundle.js'))) throw new Error('run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-worker-start-'));
  const services = await startEmbeddedServices({
    dataDir,
    env: {
      TEMPORAL_CLI_PATH:
        process.env.TEMPORAL_CLI_PATH ??
        execFileSync('bash', ['scripts/ensure-temporal-cli.sh']).toString().trim(),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      MAIL_CATCHER_PORT: String(await freePort()),
    },
    log: (m) => process.stderr.write(`${m}\n`),
    storeMail: async () => undefined,
  });
  const db = createDb({ connectionString: services.env.DATABASE_URL, max: 1 });
  await migrate(db).finally(() => db.close());
  const env = {
    PATH: process.env.PATH,
    ...services.env,
    TEMPORAL_TASK_QUEUE: `start-${randomBytes(4).toString('hex')}`,
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(ARMS).map((arm) => [arm, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [arm, args] of Object.entries(ARMS)) times[arm]!.push(await timeStart(args, env));
    }
  } finally {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const [arm, ms] of Object.entries(times)) {
    const sorted = [...ms].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const runs = ms.map((t) => (t / 1000).toFixed(1)).join(', ');
    process.stdout.write(`${arm.padEnd(38)} median ${(median / 1000).toFixed(1)} s  (runs: ${runs} s)\n`);
  }
}

main(Number(process.argv[2] ?? 3)).catch((err: unknown) => {
  process.stderr.write(`worker-start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
