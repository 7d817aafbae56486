import { firstRow, type Db, type Tx } from './pool';
import type { UserRow } from './users';

/** A user as the admin screens show it: whether a password is set, never its hash. */
export interface UserAdminRow extends UserRow {
  has_password: boolean;
  created_at: Date;
}

const COLUMNS =
  'id, procuratorate_id, username, display_name, email, roles, active, password_hash IS NOT NULL AS has_password, created_at';

export async function listUsers(
  db: Db,
  procuratorateId: string,
  filter: { includeInactive: boolean },
): Promise<UserAdminRow[]> {
  return db.query<UserAdminRow>(
    `SELECT ${COLUMNS} FROM users WHERE procuratorate_id = $1 AND ($2 OR active) ORDER BY username LIMIT 1000`,
    [procuratorateId, filter.includeInactive],
  );
}

export async function findUserInScope(
  q: Db | Tx,
  id: string,
  procuratorateId: string,
): Promise<UserAdminRow | undefined> {
  return firstRow<UserAdminRow>(q, `SELECT ${COLUMNS} FROM users WHERE id = $1 AND procuratorate_id = $2`, [
    id,
    procuratorateId,
  ]);
}

export interface NewUser {
  id: string;
  procuratorateId: string;
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  active: boolean;
  passwordHash: string | null;
}

/** Throws a unique violation when the username is taken. */
export async function insertUser(q: Db | Tx, u: NewUser): Promise<UserAdminRow> {
  const rows = await q.query<UserAdminRow>(
    `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, active, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [u.id, u.procuratorateId, u.username, u.displayName, u.email, u.roles, u.active, u.passwordHash],
  );
  return rows[0]!;
}

export interface UserChanges {
  displayName?: string;
  email?: string;
  roles?: string[];
  active?: boolean;
  passwordHash?: string;
}

/** Applies the given changes (absent fields stay) to a user of the procuratorate. */
export async function updateUser(
  q: Db | Tx,
  id: string,
  procuratorateId: string,
  c: UserChanges,
): Promise<UserAdminRow | undefined> {
  const rows = await q.query<UserAdminRow>(
    `UPDATE users SET display_name = coalesce($3, display_name), email = coalesce($4, email),
       roles = coalesce($5, roles), active = coalesce($6, active), password_hash = coalesce($7, password_hash)
     WHERE id = $1 AND procuratorate_id = $2 RETURNING ${COLUMNS}`,
    [
      id,
      procuratorateId,
      c.displayName ?? null,
      c.email ?? null,
      c.roles ?? null,
      c.active ?? null,
      c.passwordHash ?? null,
    ],
  );
  return rows[0];
}

/** Whether a procuratorate is at the top of its tree (no procuratorate above it). */
export async function isTopProcuratorate(q: Db | Tx, procuratorateId: string): Promise<boolean> {
  const row = await firstRow<{ top: boolean }>(
    q,
    'SELECT parent_id IS NULL AS top FROM procuratorates WHERE id = $1',
    [procuratorateId],
  );
  return row?.top ?? false;
}
