/**
 * The production Temporal server (not the dev server) on this machine: the binaries and schema of
 * scripts/ensure-temporal-server.sh, PostgreSQL persistence on a server given by its URL, every
 * port chosen free. Creates the two databases and their schema when missing (idempotent), starts
 * the server, and sets up the namespace and the case workflows' search attributes the way an
 * operator would (`duban temporal setup`).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connectTemporalClient } from '../config/temporal-connection';
import { Client as PgClient } from 'pg';
import { setupTemporal } from '../config/temporal-setup';
import { createServer } from 'node:net';
import { freePort, stopChild, waitUntilServing, type TemporalDevServer } from './temporal-dev-server';

const run = promisify(execFile);

export interface TemporalServerOptions {
  /** The directory printed by scripts/ensure-temporal-server.sh. */
  serverDir: string;
  /** A PostgreSQL role that may create databases, e.g. postgres://postgres@127.0.0.1:5432/postgres. */
  postgresUrl: string;
  /** Where the server's configuration and log go. */
  dataDir: string;
  port: number;
  namespace?: string;
  /** Prefix of the two databases (<prefix> and <prefix>_visibility); default temporal. */
  databasePrefix?: string;
}

/** The PostgreSQL databases hold the server's state: a restart on the same options resumes it. */
export async function startTemporalServer(options: TemporalServerOptions): Promise<TemporalDevServer> {
  const prefix = options.databasePrefix ?? 'temporal';
  const pg = new URL(options.postgresUrl);
  const databases = { default: prefix, visibility: `${prefix}_visibility` };
  await prepareDatabase(options, pg, databases.default, 'temporal');
  await prepareDatabase(options, pg, databases.visibility, 'visibility');

  const configDir = join(options.dataDir, 'config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'development.yaml'), await serverConfig(options, pg, databases));
  // Search attributes registered a moment ago are usable by the next workflow started.
  writeFileSync(
    join(configDir, 'dynamicconfig.yaml'),
    ['system.forceSearchAttributesCacheRefreshOnRead:', '  - value: true', ''].join('\n'),
  );
  const log = openSync(join(options.dataDir, 'temporal-server.log'), 'a');
  const child = spawn(
    join(options.serverDir, 'temporal-server'),
    ['--root', options.dataDir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
    { stdio: ['ignore', log, log] },
  );
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child, () => `see ${join(options.dataDir, 'temporal-server.log')}`);
  const connection = await connectTemporalClient({ TEMPORAL_ADDRESS: address });
  try {
    const report = await setupTemporal(connection, {
      namespace: options.namespace ?? 'default',
      retentionDays: 30,
    });
    if (report.mistyped.length > 0)
      throw new Error(
        `search attributes of the wrong type: ${report.mistyped.map((m) => m.name).join(', ')}`,
      );
  } finally {
    await connection.close();
  }
  return { address, uiUrl: undefined, process: child, stop: () => stopChild(child, 20_000) };
}

/** Creates `database` when missing, then brings its schema to the newest version (both idempotent). */
async function prepareDatabase(
  options: TemporalServerOptions,
  pg: URL,
  database: string,
  schema: 'temporal' | 'visibility',
): Promise<void> {
  const admin = new PgClient({ connectionString: options.postgresUrl });
  await admin.connect();
  let fresh: boolean;
  try {
    const rows = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    fresh = rows.rowCount === 0;
    if (fresh) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  const tool = (...args: string[]) =>
    run(
      join(options.serverDir, 'temporal-sql-tool'),
      [
        '--plugin',
        'postgres12',
        '--ep',
        pg.hostname,
        '-p',
        pg.port || '5432',
        '-u',
        decodeURIComponent(pg.username),
        ...(pg.password ? ['--pw', decodeURIComponent(pg.password)] : []),
        '--db',
        database,
        ...args,
      ],
      { maxBuffer: 8 * 1024 * 1024 },
    ).catch((err: Error & { stderr?: string }) => {
      throw new Error(`temporal-sql-tool ${args[0]} on ${database} failed: ${err.stderr ?? err.message}`);
    });
  if (fresh) await tool('setup-schema', '-v', '0.0');
  await tool(
    'update-schema',
    '-d',
    join(options.serverDir, 'schema', 'postgresql', 'v12', schema, 'versioned'),
  );
}

async function serverConfig(
  options: TemporalServerOptions,
  pg: URL,
  databases: { default: string; visibility: string },
): Promise<string> {
  const store = (database: string, maxConns: number) => [
    '      sql:',
    '        pluginName: "postgres12"',
    `        databaseName: "${database}"`,
    `        connectAddr: "${pg.hostname}:${pg.port || '5432'}"`,
    '        connectProtocol: "tcp"',
    `        user: "${decodeURIComponent(pg.username)}"`,
    `        password: "${decodeURIComponent(pg.password)}"`,
    `        maxConns: ${maxConns}`,
    `        maxIdleConns: ${maxConns}`,
    '        maxConnLifetime: "1h"',
  ];
  const service = async (name: string, grpcPort: number, http = false) => [
    `  ${name}:`,
    '    rpc:',
    `      grpcPort: ${grpcPort}`,
    `      membershipPort: ${await freeSmallPort()}`,
    '      bindOnLocalHost: true',
    ...(http ? [`      httpPort: ${await freePort()}`] : []),
  ];
  return [
    'log:',
    '  stdout: true',
    '  level: warn',
    'persistence:',
    '  defaultStore: postgres-default',
    '  visibilityStore: postgres-visibility',
    '  numHistoryShards: 4',
    '  datastores:',
    '    postgres-default:',
    ...store(databases.default, 20),
    '    postgres-visibility:',
    ...store(databases.visibility, 4),
    'global:',
    '  membership:',
    '    maxJoinDuration: 30s',
    '    broadcastAddress: "127.0.0.1"',
    'services:',
    ...(await service('frontend', options.port, true)),
    ...(await service('matching', await freePort())),
    ...(await service('history', await freePort())),
    ...(await service('worker', await freePort())),
    'clusterMetadata:',
    '  enableGlobalNamespace: false',
    '  failoverVersionIncrement: 10',
    '  masterClusterName: "active"',
    '  currentClusterName: "active"',
    '  clusterInformation:',
    '    active:',
    '      enabled: true',
    '      initialFailoverVersion: 1',
    '      rpcName: "frontend"',
    `      rpcAddress: "127.0.0.1:${options.port}"`,
    'dcRedirectionPolicy:',
    '  policy: "noop"',
    'dynamicConfigClient:',
    `  filepath: "${join(options.dataDir, 'config', 'dynamicconfig.yaml')}"`,
    '  pollInterval: "10s"',
    '',
  ].join('\n');
}

/**
 * A free port below 32768: the server keeps membership ports in a smallint column, and the
 * ports the kernel hands out (freePort) lie above it.
 */
async function freeSmallPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}
