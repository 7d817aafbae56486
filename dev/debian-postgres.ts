/**
 * Debian's PostgreSQL server (scripts/ensure-postgres.sh) as a child of this process: for the
 * tests, a throw-away one they may restart or crash; for `npm start` with DUBAN_TEMPORAL=server,
 * the one that keeps the Temporal server's state under data/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

export interface PostgresServer {
  url: string;
  /** pg_ctl restart -m fast: every connection is cut, the server comes back on the same port. */
  restart(): Promise<void>;
  /** pg_ctl stop -m immediate: as if the machine lost power (the data survives). */
  crash(): Promise<void>;
  /** Starts the server again on its port after crash(). */
  start(): Promise<void>;
  /** `immediate` (default: the tests' throw-away servers) or `fast` (a clean shutdown of kept data). */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
}

/** The server whose data is under `dir`/data (created when empty), on `port` or a free one. */
export async function startPostgres(dir: string, port?: number): Promise<PostgresServer> {
  const dataDir = join(dir, 'data');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const url = execFileSync(
    'bash',
    [join(ROOT, 'scripts', 'ensure-postgres.sh'), dataDir, ...(port ? [String(port)] : [])],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ).trim();
  const pgCtl = (...args: string[]) => {
    const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | tail -1'], {
      encoding: 'utf8',
    }).trim();
    const cmd = [`${bin}/pg_ctl`, '-D', dataDir, ...args];
    const asRoot = process.getuid?.() === 0;
    // From `/`: the postgres user may not be allowed into the checkout's directory.
    execFileSync(asRoot ? 'runuser' : cmd[0]!, asRoot ? ['-u', 'postgres', '--', ...cmd] : cmd.slice(1), {
      cwd: '/',
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  };
  return {
    url,
    async restart() {
      pgCtl('-m', 'fast', '-w', '-t', '60', '-l', join(dataDir, 'server.log'), 'restart');
    },
    async crash() {
      pgCtl('-m', 'immediate', '-w', 'stop');
    },
    async start() {
      // Unlike restart, start does not read postmaster.opts: give the options again.
      const port = new URL(url).port;
      const opts = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
      pgCtl('-w', '-t', '60', '-l', join(dataDir, 'server.log'), '-o', opts, 'start');
    },
    async stop(mode = 'immediate') {
      try {
        pgCtl('-m', mode, '-w', 'stop');
      } catch {
        /* already stopped */
      }
    },
  };
}
