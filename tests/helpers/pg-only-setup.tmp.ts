import { migrate } from '../../store/migrate';
import { createDb } from '../../store/pool';
import { startEmbeddedPostgres } from '../../dev/embedded-postgres';
import { freePort } from './ports';
export default async function globalSetup(): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  (globalThis as { __dubanStops?: typeof stops }).__dubanStops = stops;
  const pg = await startEmbeddedPostgres({ dataDir: undefined, port: await freePort() });
  stops.push(pg.stop);
  process.env.DUBAN_TEST_DATABASE_URL = pg.url;
  const db = createDb({ connectionString: pg.url, max: 1 });
  try { await migrate(db); } finally { await db.close(); }
}
