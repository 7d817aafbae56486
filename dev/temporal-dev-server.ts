import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { connectTemporalClient } from '../config/temporal-connection';
import { SEARCH_ATTRIBUTE_TYPES } from '../workflows/search-attributes';

export interface TemporalDevServer {
  address: string;
  uiUrl: string | undefined;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  cliPath: string;
  port: number;
  /** SQLite file that keeps every workflow across restarts; omitted = in memory (tests). */
  dbFile?: string;
  uiPort?: number;
  /** Server dynamic configuration, e.g. { 'limit.historyCount.suggestContinueAsNew': 100 }. */
  dynamicConfig?: Record<string, string | number | boolean>;
}

/** The dev server could not bind one of its ports: another process held it at that moment. */
class PortTaken extends Error {}

/**
 * Starts `temporal server start-dev` and resolves once its frontend answers. Its side ports
 * (HTTP API, metrics) are chosen free here rather than derived from `port`, which collides.
 * The internal services' ports follow `port`; one of them may be held for a moment by another
 * process's outgoing connection, so a start that fails to bind is tried again, on the same port.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (!(err instanceof PortTaken) || attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

async function startOnce(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'error',
  ];
  args.push('--http-port', String(await freePort()), '--metrics-port', String(await freePort()));
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_TYPES))
    args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  // Both streams are kept: a failure to bind is reported on either, depending on where it happens.
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const keep = (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child, () => stderr);
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    process: child,
    stop: () => stopChild(child),
  };
}

export async function waitUntilServing(
  address: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) {
      const message = `temporal server exited: ${stderr().trim().split('\n').slice(0, 8).join(' | ')}`;
      throw /address already in use/.test(stderr()) ? new PortTaken(message) : new Error(message);
    }
    try {
      const connection = await connectTemporalClient({ TEMPORAL_ADDRESS: address }, { connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`temporal server did not answer on ${address} within 60 s`);
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
