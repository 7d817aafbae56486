/**
 * Least privilege on a real PostgreSQL (scripts/ensure-postgres.sh makes duban_owner and
 * duban_app): the owner migrates, the application's role may only append to and read the
 * timeline, and cannot switch its triggers off because it does not own the tables.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../../config/database';
import { writeCheckpoints } from '../../store/audit/checkpoints';
import { signerFromPem, generateSigningKey } from '../../store/audit/signing';
import { createDb, type Db } from '../../store/pool';
import { appendTimelineEntry } from '../../store/timeline';
import { startPostgres, type PostgresServer } from '../helpers/cluster';

let dir: string;
let pg: PostgresServer;
const open: Db[] = [];

function as(user: string, database = 'duban'): { url: string; db: Db } {
  const url = new URL(pg.url);
  url.username = user;
  url.pathname = `/${database}`;
  const db = createDb({ connectionString: url.toString(), max: 2, applicationName: 'duban-test' });
  open.push(db);
  return { url: url.toString(), db };
}

const step = <T>(_message: string, work: () => Promise<T>) => work();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-roles-'));
  chmodSync(dir, 0o755);
  pg = await startPostgres(join(dir, 'pg'));
}, 120_000);

afterAll(async () => {
  for (const db of open) await db.close();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the application role against the timeline', () => {
  it('when the owner migrates, then the application may append and read but not rewrite, truncate or disable triggers', async () => {
    const owner = as('duban_owner');
    const app = as('duban_app');
    const warnings = await prepareDatabase(
      { DATABASE_URL: app.url, DATABASE_OWNER_URL: owner.url },
      app.db,
      step,
    );
    expect(warnings).toEqual([]);

    await owner.db.query(
      `INSERT INTO procuratorates (id, name, level) VALUES ('p1', '某区人民检察院', 'district')`,
    );
    // The application's ordinary work still works: entries appended, rows of other tables changed.
    await app.db.withTransaction(async (tx) => {
      for (const seq of [1, 2])
        await appendTimelineEntry(tx, {
          caseId: 'c1',
          seq,
          at: new Date().toISOString(),
          actorId: 'u1',
          kind: 'note_added',
          stage: 'lead',
          data: { note: String(seq) },
        });
    });
    await app.db.query(`UPDATE procuratorates SET name = '某区人民检察院（改名）' WHERE id = 'p1'`);
    expect(
      await app.db.query('SELECT seq FROM audit_entries WHERE case_id = $1 ORDER BY seq', ['c1']),
    ).toHaveLength(2);
    const signer = signerFromPem(generateSigningKey().privatePem);
    expect((await writeCheckpoints(app.db, signer)).written).toHaveLength(1);

    const denied = /permission denied/;
    await expect(app.db.query(`UPDATE audit_entries SET reason = 'x' WHERE case_id = 'c1'`)).rejects.toThrow(
      denied,
    );
    await expect(app.db.query(`DELETE FROM audit_entries WHERE case_id = 'c1' AND seq = 2`)).rejects.toThrow(
      denied,
    );
    await expect(app.db.query('TRUNCATE audit_entries')).rejects.toThrow(denied);
    await expect(app.db.query(`UPDATE audit_checkpoints SET seq = 9`)).rejects.toThrow(denied);
    await expect(app.db.query('DELETE FROM audit_checkpoints')).rejects.toThrow(denied);
    await expect(
      app.db.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update'),
    ).rejects.toThrow(/must be owner/);
    await expect(app.db.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER ALL')).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.db.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
  });

  it('when a deployment still runs as the owner, then it starts as before and is warned', async () => {
    // An existing deployment: one role that owns everything, no DATABASE_OWNER_URL.
    await as('postgres', 'postgres').db.query('CREATE DATABASE legacy OWNER duban_owner');
    const legacy = as('duban_owner', 'legacy');
    const warnings = await prepareDatabase(
      { DATABASE_URL: legacy.url, DATABASE_OWNER_URL: '' },
      legacy.db,
      step,
    );
    expect(warnings).toEqual([expect.stringContaining('DATABASE_OWNER_URL is not set')]);
    expect(await legacy.db.query(`SELECT to_regclass('audit_checkpoints') AS t`)).toEqual([
      { t: 'audit_checkpoints' },
    ]);
  });
});
