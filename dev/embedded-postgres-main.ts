/**
 * Runs the embedded PostgreSQL on its own: `node --require tsx/cjs dev/embedded-postgres-main.ts
 * [data-dir] [port]` prints its URL on the first line and serves until SIGINT or SIGTERM.
 */
import { startEmbeddedPostgres } from './embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dataDir: dataDir || undefined, port: Number(port ?? 0) });
  process.stdout.write(`${pg.url}\n`);
  const stop = () => void pg.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
