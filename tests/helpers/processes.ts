/**
 * The worker and the API as real child processes (worker/main.ts, api/main.ts), which a test
 * can kill with SIGKILL and start again: what a crash in production looks like.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachedWorkflowBundle } from '../../dev/workflow-bundle-cache';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** True until the process has exited. */
  alive(): boolean;
  /** SIGKILL: no shutdown hook runs, in-flight work is lost as in a crash. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface NodeServiceOptions {
  name: string;
  /** Entry file relative to the repository, e.g. 'worker/main.ts' or 'dist/worker/main.js'. */
  entry: string;
  env: Record<string, string>;
  /** Where stdout and stderr go (appended), so a failing test can be diagnosed. */
  logFile: string;
  /** Resolves start once a line of output contains this text. */
  readyText: string;
  timeoutMs?: number;
}

/** Starts an entry point under node (a TypeScript one through tsx), and waits for its ready line. */
export async function startNodeService(options: NodeServiceOptions): Promise<ServiceProcess> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const args = options.entry.endsWith('.ts') ? ['--require', 'tsx/cjs', options.entry] : [options.entry];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inheritedEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name} not ready within ${options.timeoutMs ?? 120_000} ms: ${tail}`)),
      options.timeoutMs ?? 120_000,
    );
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString()).slice(-2000);
      if (tail.includes(options.readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited before it was ready: ${tail.trim().slice(-600)}`));
    });
  });
  void exit.then(() => log.end());
  const service: ServiceProcess = {
    name: options.name,
    pid: child.pid!,
    child,
    alive: () => !exited,
    async kill9() {
      if (exited) return;
      child.kill('SIGKILL');
      await exit;
    },
    async stop(graceMs = 15_000) {
      if (exited) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exit;
      clearTimeout(timer);
    },
  };
  try {
    await ready;
  } catch (err) {
    await service.kill9();
    throw err;
  }
  return service;
}

/** The test runner's environment without the settings that would point a child elsewhere. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('JEST') || k === 'NODE_OPTIONS') continue;
    if (
      /^(DATABASE_URL|DATABASE_OWNER_URL|AUDIT_|SMTP_URL|TEMPORAL_|AUTH_SECRET|PORT$|HOST$|DEV_MAILBOX|LOG_LEVEL)/.test(
        k,
      )
    )
      continue;
    env[k] = v;
  }
  return env;
}

export interface ServiceEnv {
  databaseUrl: string;
  smtpUrl: string;
  temporalAddress: string;
  taskQueue: string;
  authSecret: string;
}

/** The settings the API and the worker share, from the suite's servers. */
export function commonEnv(e: ServiceEnv): Record<string, string> {
  return {
    DATABASE_URL: e.databaseUrl,
    SMTP_URL: e.smtpUrl,
    TEMPORAL_ADDRESS: e.temporalAddress,
    TEMPORAL_TASK_QUEUE: e.taskQueue,
    AUTH_SECRET: e.authSecret,
    PUBLIC_URL: 'http://duban.test',
    MAIL_FROM: '督办系统 <duban@test.example>',
    LOG_LEVEL: 'info',
    DATABASE_POOL_SIZE: '10',
  };
}

/**
 * worker/main.ts as a process, on the workflow bundle of the sources as they are (built once for
 * the suite, as `npm start` does); `extra` sets e.g. WORKER_MAX_CACHED_WORKFLOWS.
 */
export async function startWorkerProcess(
  e: ServiceEnv,
  logFile: string,
  extra: Record<string, string> = {},
): Promise<ServiceProcess> {
  const bundle = await cachedWorkflowBundle();
  return startNodeService({
    name: 'worker',
    entry: 'worker/main.ts',
    env: { ...commonEnv(e), WORKFLOW_BUNDLE_PATH: bundle.path, ...extra },
    logFile,
    readyText: 'worker running',
  });
}

/** api/main.ts as a process on `port`. */
export function startApiProcess(e: ServiceEnv, port: number, logFile: string): Promise<ServiceProcess> {
  return startNodeService({
    name: 'api',
    entry: 'api/main.ts',
    env: { ...commonEnv(e), PORT: String(port), HOST: '127.0.0.1' },
    logFile,
    readyText: 'API listening',
  });
}

/** Polls `condition` until it holds (no fixed sleeps): the failure names what was awaited. */
export async function waitUntil<T>(
  what: string,
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${options.timeoutMs ?? 60_000} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
}
