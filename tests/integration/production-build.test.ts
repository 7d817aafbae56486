/**
 * What the image runs: `npm run build`'s compiled JavaScript under plain node (no tsx), with
 * the worker loading the prebuilt workflow bundle instead of running webpack at start.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { ensureBuilt } from '../helpers/build';
import { freePort } from '../helpers/ports';
import { commonEnv, startNodeService, type ServiceEnv } from '../helpers/processes';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const LOGS = join(ROOT, 'artifacts', 'production-build');

let mail: MailCatcher;
let env: ServiceEnv;

beforeAll(async () => {
  ensureBuilt();
  mail = await startMailCatcher({ port: 0 });
  env = {
    databaseUrl: process.env.DUBAN_TEST_DATABASE_URL!,
    temporalAddress: process.env.DUBAN_TEST_TEMPORAL_ADDRESS!,
    smtpUrl: mail.url,
    taskQueue: `build-${randomBytes(4).toString('hex')}`,
    authSecret: randomBytes(32).toString('hex'),
  };
}, 300_000);
afterAll(() => mail.stop());

it('when the compiled command line runs under node alone, then it prints its help', () => {
  const run = spawnSync(process.execPath, ['dist/cli/main.js', '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('用法：duban');
});

it('when the installed `duban` command runs where tsx is not installed, then it runs the compiled command line', () => {
  // A production install: bin/ and dist/ beside a node_modules without devDependencies.
  const install = mkdtempSync(join(tmpdir(), 'duban-bin-'));
  mkdirSync(join(install, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'duban.js'), join(install, 'bin', 'duban.js'));
  symlinkSync(join(ROOT, 'dist'), join(install, 'dist'));
  const run = spawnSync(process.execPath, [join(install, 'bin', 'duban.js'), '--help'], { encoding: 'utf8' });
  rmSync(install, { recursive: true, force: true });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('用法：duban');
});

// Asynchronous: under one jest process the suite's embedded database answers from this event loop.
it('when the compiled command line migrates twice, then the second run finds nothing to do', async () => {
  const migrate = () =>
    run(process.execPath, ['dist/cli/main.js', 'migrate'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: env.databaseUrl },
    });
  await migrate();
  const second = await migrate();
  expect(second.stderr).toBe('');
  expect(second.stdout).toContain('没有待执行的迁移');
});

it('when the compiled worker starts, then it loads the prebuilt bundle and runs no webpack', async () => {
  const logFile = join(LOGS, `worker-${env.taskQueue}.log`);
  const worker = await startNodeService({
    name: 'compiled worker',
    entry: 'dist/worker/main.js',
    // At debug the SDK's own reports, the webpack summary among them, reach the log.
    env: { ...commonEnv(env), LOG_LEVEL: 'debug' },
    logFile,
    readyText: 'worker running',
    timeoutMs: 60_000,
  });
  await worker.stop();
  const log = readFileSync(logFile, 'utf8');
  expect(log).toContain(`"workflows":"${join(ROOT, 'dist', 'workflow-bundle.js')}"`);
  expect(log).not.toMatch(/webpack|bundle created/i);
});

it('when the compiled API starts, then it migrates, listens and answers its health check', async () => {
  const port = await freePort();
  const api = await startNodeService({
    name: 'compiled api',
    entry: 'dist/api/main.js',
    env: { ...commonEnv(env), PORT: String(port), HOST: '127.0.0.1' },
    logFile: join(LOGS, `api-${env.taskQueue}.log`),
    readyText: 'API listening',
    timeoutMs: 60_000,
  });
  try {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const page = await fetch(`http://127.0.0.1:${port}/cases`);
    expect(await page.text()).toContain('<div id="root">');
  } finally {
    await api.stop();
  }
});
