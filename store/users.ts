import { firstRow, type Db, type Tx } from './pool';

export interface UserRow {
  id: string;
  procuratorate_id: string;
  username: string;
  display_name: string;
  email: string;
  roles: string[];
  active: boolean;
}

const COLUMNS = 'id, procuratorate_id, username, display_name, email, roles, active';

export async function findUser(q: Db | Tx, id: string): Promise<UserRow | undefined> {
  return firstRow<UserRow>(q, `SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
}

export async function usersWithRole(q: Db | Tx, procuratorateId: string, role: string): Promise<UserRow[]> {
  return q.query<UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE procuratorate_id = $1 AND $2 = ANY(roles) AND active ORDER BY id`,
    [procuratorateId, role],
  );
}

export async function findUserForLogin(
  q: Db | Tx,
  username: string,
): Promise<(UserRow & { password_hash: string | null }) | undefined> {
  return firstRow<UserRow & { password_hash: string | null }>(
    q,
    `SELECT ${COLUMNS}, password_hash FROM users WHERE username = $1`,
    [username],
  );
}

/**
 * Whether an access token issued at `issuedAtMs` still speaks for the user: the user exists, is
 * active, and neither their roles nor their status changed after the token was issued.
 */
export async function accessStillValid(q: Db | Tx, userId: string, issuedAtMs: number): Promise<boolean> {
  const row = await firstRow<{ ok: boolean }>(
    q,
    `SELECT active AND valid_after <= to_timestamp($2::double precision / 1000) AS ok FROM users WHERE id = $1`,
    [userId, issuedAtMs],
  );
  return row?.ok === true;
}

/** Replaces a password hash by one of the same password at current parameters, if unchanged since read. */
export async function replacePasswordHash(
  q: Db | Tx,
  userId: string,
  was: string,
  hash: string,
): Promise<void> {
  await q.query('UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2', [
    userId,
    was,
    hash,
  ]);
}
