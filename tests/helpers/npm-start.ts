/**
 * `npm start` as a user runs it: `bash scripts/start.sh` in its own process group, with its
 * own data directory and free ports, and nothing of the developer's configuration (so every
 * embedded service is started).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../config/config';
import { freePort } from './ports';

const ROOT = join(__dirname, '..', '..');
const BANNER_END = 'Press Ctrl-C to stop.';

export interface NpmStartPorts {
  PORT: number;
  TEMPORAL_PORT: number;
  TEMPORAL_UI_PORT: number;
  EMBEDDED_PG_PORT: number;
  MAIL_CATCHER_PORT: number;
}

export interface NpmStart {
  process: ChildProcess;
  baseUrl: string;
  /** The embedded PostgreSQL's superuser URL printed in the banner. */
  databaseUrl: string;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

export async function freePorts(): Promise<NpmStartPorts> {
  return {
    PORT: await freePort(),
    TEMPORAL_PORT: await freePort(),
    TEMPORAL_UI_PORT: await freePort(),
    EMBEDDED_PG_PORT: await freePort(),
    MAIL_CATCHER_PORT: await freePort(),
  };
}

/** Starts `npm start` and resolves once it has printed its banner (it is healthy by then). */
export function startNpmStart(options: {
  dataDir: string;
  ports: NpmStartPorts;
  timeoutMs: number;
  /** Arguments after `npm start --`. */
  args?: string[];
}): Promise<NpmStart> {
  const inherited = Object.entries(process.env).filter(([name]) => !(name in CONFIG_VARIABLES));
  const env = {
    ...Object.fromEntries(inherited),
    ...Object.fromEntries(Object.entries(options.ports).map(([k, v]) => [k, String(v)])),
    DUBAN_DATA_DIR: options.dataDir,
  };
  const child = spawn('bash', [join(ROOT, 'scripts', 'start.sh'), ...(options.args ?? [])], {
    cwd: ROOT,
    env,
    detached: true, // its own process group, as in a terminal: Ctrl-C reaches every member
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      killGroup(child);
      reject(new Error(`npm start ${why}; its output:\n${output.slice(-4000)}`));
    };
    const timer = setTimeout(
      () => fail(`printed no banner within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    const onData = () => {
      if (!output.includes(BANNER_END)) return;
      cleanup();
      // The superuser's URL where the banner gives one (the embedded database), for tests that
      // reach behind the application's role.
      const databaseUrl =
        /PostgreSQL\s.*superuser (postgres:\/\/[^\s)]+)/.exec(output)?.[1] ??
        /PostgreSQL\s+(postgres:\/\/\S+)/.exec(output)?.[1];
      if (!databaseUrl) return fail('printed no PostgreSQL URL');
      resolve({
        process: child,
        baseUrl: `http://127.0.0.1:${options.ports.PORT}`,
        databaseUrl,
        output: () => output,
        exited,
      });
    };
    const onExit = (code: number | null) => fail(`exited (${code}) before its banner`);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Last resort after a failed test: nothing of it may outlive the suite. */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Every live process below `pid` (Linux /proc), found by walking parent IDs. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' '); // [state, ppid, …]
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  const fields = stat(pid);
  return fields ? Number(fields[1]) : undefined;
}

/** A process that exited (or is a zombie awaiting its parent) is not alive. */
export function isAlive(pid: number): boolean {
  const state = stat(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Polls `check` until it holds or `timeoutMs` passes; returns its last value. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  ok: (v: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await check();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await check();
  }
  return value;
}
