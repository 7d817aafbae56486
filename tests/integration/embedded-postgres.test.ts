/**
 * The embedded PostgreSQL shares one PGlite session among many connections: parameterised
 * queries and transactions from concurrent clients must never see each other's half-sent
 * requests, and a client that vanishes mid-transaction must leave nothing behind. Each client is
 * the role it connected as: `npm start` migrates as duban_owner and runs as duban_app, which may
 * only append to and read the timeline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../../config/database';
import { createDb, type Db } from '../../store/pool';
import { appendTimelineEntry } from '../../store/timeline';

// PGlite loads its WASM through a dynamic import that jest's sandbox refuses: serve it from a child.
let server: ChildProcess;
let pg: { url: string };
let dbs: Db[];

async function startServer(): Promise<string> {
  const root = join(__dirname, '..', '..');
  server = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), join(root, 'dev', 'embedded-postgres-main.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code})`)));
    server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
  });
}

beforeAll(async () => {
  pg = { url: await startServer() };
  dbs = Array.from({ length: 4 }, () => createDb({ connectionString: pg.url, max: 5 }));
  await dbs[0]!.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
  await dbs[0]!.query('CREATE TABLE notes (id serial PRIMARY KEY, author text NOT NULL, body text NOT NULL)');
  await dbs[0]!.query('INSERT INTO counters VALUES (1, 0)');
});
afterAll(async () => {
  await Promise.all(dbs.map((db) => db.close()));
  server.kill('SIGTERM');
});

it('runs concurrent parameterised queries and read-modify-write transactions without mixing them', async () => {
  const work = dbs.flatMap((db, d) =>
    Array.from({ length: 25 }, async (_, i) => {
      const author = `w${d}-${i}`;
      const [row] = await db.query<{ author: string; body: string }>(
        'INSERT INTO notes (author, body) VALUES ($1, $2) RETURNING author, body',
        [author, `body of ${author}`],
      );
      expect(row).toEqual({ author, body: `body of ${author}` });
      await db.withTransaction(async (tx) => {
        const [c] = await tx.query<{ n: number }>('SELECT n FROM counters WHERE id = $1', [1]);
        await tx.query('UPDATE counters SET n = $1 WHERE id = $2', [c!.n + 1, 1]);
      });
    }),
  );
  await Promise.all(work);
  expect(await dbs[1]!.query('SELECT n FROM counters WHERE id = 1')).toEqual([{ n: 100 }]);
  expect(await dbs[2]!.query('SELECT count(*)::int AS n FROM notes')).toEqual([{ n: 100 }]);
});

it('rolls back a failed transaction and the transaction of a client that disconnected', async () => {
  await expect(
    dbs[0]!.withTransaction(async (tx) => {
      await tx.query('UPDATE counters SET n = n + 1000 WHERE id = 1');
      await tx.query('SELECT * FROM no_such_table');
    }),
  ).rejects.toThrow(/no_such_table/);

  const quitter = new Client({ connectionString: pg.url });
  quitter.on('error', () => undefined);
  await quitter.connect();
  await quitter.query('BEGIN');
  await quitter.query('UPDATE counters SET n = n + 5000 WHERE id = 1');
  (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();

  expect(await dbs[3]!.query('SELECT n FROM counters WHERE id = 1')).toEqual([{ n: 100 }]);
  await dbs[3]!.query('UPDATE counters SET n = n + 1 WHERE id = 1');
  expect(await dbs[0]!.query('SELECT n FROM counters WHERE id = 1')).toEqual([{ n: 101 }]);
});

it('answers a statement kept prepared by several pools, which the shared session sees under one name', async () => {
  const text = 'SELECT author FROM notes WHERE author = $1';
  for (let round = 0; round < 3; round++) {
    const answers = await Promise.all(
      dbs.map((db, d) => db.query<{ author: string }>(text, [`w${d}-${round}`], { prepared: true })),
    );
    expect(answers).toEqual(dbs.map((_, d) => [{ author: `w${d}-${round}` }]));
  }
});

function as(user: string): { url: string; db: Db } {
  const url = new URL(pg.url);
  url.username = user;
  const db = createDb({ connectionString: url.toString(), max: 3 });
  dbs.push(db);
  return { url: url.toString(), db };
}

describe('the roles of npm start', () => {
  it('when the owner migrates and grants, then the application may append and read the timeline but not rewrite it', async () => {
    // npm start gives the owner every table at start; these two were made since, by the superuser.
    await dbs[0]!.query('ALTER TABLE counters OWNER TO duban_owner');
    await dbs[0]!.query('ALTER TABLE notes OWNER TO duban_owner');
    const owner = as('duban_owner');
    const app = as('duban_app');
    const warnings = await prepareDatabase(
      { DATABASE_URL: app.url, DATABASE_OWNER_URL: owner.url },
      app.db,
      (_message, work) => work(),
    );
    expect(warnings).toEqual([]);
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
    expect(await app.db.query('SELECT seq FROM audit_entries WHERE case_id = $1', ['c1'])).toHaveLength(2);
    await expect(app.db.query(`UPDATE audit_entries SET reason = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(app.db.query('DELETE FROM audit_entries')).rejects.toThrow(/permission denied/);
    await expect(app.db.query('ALTER TABLE audit_entries DISABLE TRIGGER ALL')).rejects.toThrow(
      /must be owner/,
    );
    // The superuser's pool, sharing the session, is still the superuser.
    expect(await dbs[0]!.query('SELECT count(*)::int AS n FROM audit_entries')).toEqual([{ n: 2 }]);
  });

  it('when clients of different roles query at once, then each runs as its own role', async () => {
    const owner = as('duban_owner');
    const app = as('duban_app');
    const pools = [dbs[0]!, owner.db, app.db];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => pools[i % 3]!.query<{ u: string }>('SELECT current_user AS u')),
    );
    expect(answers.map((rows) => rows[0]!.u)).toEqual(
      Array.from({ length: 30 }, (_, i) => ['postgres', 'duban_owner', 'duban_app'][i % 3]),
    );
  });

  it('when a client names a role that does not exist, then it is refused as a server would', async () => {
    const url = new URL(pg.url);
    url.username = 'nobody';
    const client = new Client({ connectionString: url.toString() });
    await expect(client.connect()).rejects.toThrow('role "nobody" does not exist');
  });
});
