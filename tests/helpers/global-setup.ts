/**
 * Starts the real servers the suite shares: a Temporal dev server and PostgreSQL
 * (DATABASE_URL when set, otherwise embedded PGlite). Their addresses reach every test
 * file through the environment.
 */
import { migrate } from '../../store/migrate';
import { createDb } from '../../store/pool';
import { startEmbeddedPostgres } from '../../dev/embedded-postgres';
import { startTemporalDevServer } from '../../dev/temporal-dev-server';
import { freePort } from './ports';
import { temporalCliPath, testServerPath } from './tools';

export default async function globalSetup(): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  (globalThis as { __dubanStops?: typeof stops }).__dubanStops = stops;
  testServerPath();

  const temporal = await startTemporalDevServer({ cliPath: temporalCliPath(), port: await freePort() });
  stops.push(temporal.stop);
  process.env.DUBAN_TEST_TEMPORAL_ADDRESS = temporal.address;

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: undefined, port: await freePort() });
    stops.push(pg.stop);
    databaseUrl = pg.url;
  }
  process.env.DUBAN_TEST_DATABASE_URL = databaseUrl;
  const db = createDb({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}
