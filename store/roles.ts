import type { Db } from './pool';

/** Tables the application may only append to and read: no UPDATE, DELETE or TRUNCATE. */
export const APPEND_ONLY_TABLES = ['audit_entries', 'audit_checkpoints'] as const;

/**
 * Gives the application's role what it needs on the owner's tables, and no more on the
 * timeline: read and write every table, but only INSERT and SELECT the append-only ones. Run
 * by the owner after each migration, so tables added later are granted too. Not owning the
 * tables, the application cannot ALTER them or switch their triggers off.
 */
export async function grantApplicationRole(owner: Db, appRole: string): Promise<void> {
  await owner.withTransaction(async (tx) => {
    // Concurrent GRANTs on one object fail ("tuple concurrently updated"): the API and the
    // worker start together, so take the migration lock first.
    await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
    const role = (await tx.query<{ q: string }>('SELECT quote_ident($1) AS q', [appRole]))[0]!.q;
    await tx.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await tx.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await tx.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await tx.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${role}`);
    for (const table of APPEND_ONLY_TABLES)
      await tx.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${table} FROM ${role}`);
  });
}

export interface RoleStanding {
  role: string;
  superuser: boolean;
  /** The role owns audit_entries (or is a member of its owner): it can switch the trigger off. */
  ownsTimeline: boolean;
  /** It may UPDATE or DELETE timeline entries (before the trigger). */
  canRewriteTimeline: boolean;
}

/** What the connected role may do to the timeline. */
export async function roleStanding(db: Db): Promise<RoleStanding> {
  const rows = await db.query<RoleStanding>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            COALESCE((SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class
                       WHERE oid = to_regclass('public.audit_entries')), false) AS "ownsTimeline",
            COALESCE(to_regclass('public.audit_entries') IS NOT NULL
                     AND (has_table_privilege('public.audit_entries', 'UPDATE')
                          OR has_table_privilege('public.audit_entries', 'DELETE')), false) AS "canRewriteTimeline"`,
  );
  return rows[0]!;
}
