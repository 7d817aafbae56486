import { PGlite } from '@electric-sql/pglite';
import { servePglite } from './pglite-server';

export interface EmbeddedPostgres {
  /** As PGlite's superuser: for tools and tests. */
  url: string;
  /** As `duban_owner`, who owns the schema and runs the migrations (DATABASE_OWNER_URL). */
  ownerUrl: string;
  /** As `duban_app`, the application's role, granted by the owner at each start (DATABASE_URL). */
  appUrl: string;
  stop(): Promise<void>;
}

/** The roles of least privilege, named as scripts/ensure-postgres.sh and the compose file name them. */
export const EMBEDDED_OWNER_ROLE = 'duban_owner';
export const EMBEDDED_APP_ROLE = 'duban_app';

/**
 * PostgreSQL for a machine without one: PGlite (Postgres compiled to WASM) persisted in
 * `dataDir` and served over the wire protocol, so the application still talks `pg`.
 * PGlite is one session; dev/pglite-server.ts lets several connections share it safely, each
 * as the role it connected as.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string | undefined;
  port: number;
}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir ?? 'memory://');
  await ensureRoles(db);
  const server = await servePglite(db, { port: options.port });
  const as = (user: string) => `postgres://${user}@127.0.0.1:${server.port}/postgres?sslmode=disable`;
  return {
    url: as('postgres'),
    ownerUrl: as(EMBEDDED_OWNER_ROLE),
    appUrl: as(EMBEDDED_APP_ROLE),
    async stop() {
      await server.close();
      await db.close();
    },
  };
}

/**
 * Makes the owner and the application's role, and gives the owner the schema and everything in
 * it: a data folder made before the roles existed has its tables owned by PGlite's superuser,
 * which the owner could not migrate further.
 */
async function ensureRoles(db: PGlite): Promise<void> {
  for (const role of [EMBEDDED_OWNER_ROLE, EMBEDDED_APP_ROLE])
    if ((await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rows.length === 0)
      await db.exec(`CREATE ROLE ${role}`);
  await db.exec(`ALTER SCHEMA public OWNER TO ${EMBEDDED_OWNER_ROLE}`);
  const { rows } = await db.query<{ statement: string }>(
    `SELECT format('ALTER %s %s OWNER TO ${EMBEDDED_OWNER_ROLE}',
                   CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                  WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                   c.oid::regclass) AS statement
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        AND pg_get_userbyid(c.relowner) <> '${EMBEDDED_OWNER_ROLE}'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
     UNION ALL
     SELECT format('ALTER FUNCTION %s OWNER TO ${EMBEDDED_OWNER_ROLE}', p.oid::regprocedure)
       FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace
        AND pg_get_userbyid(p.proowner) <> '${EMBEDDED_OWNER_ROLE}'`,
  );
  for (const { statement } of rows) await db.exec(statement);
}
