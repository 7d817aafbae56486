import type { Db, Tx } from './pool';

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
  return (await q.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]))[0];
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
  return (
    await q.query<UserRow & { password_hash: string | null }>(
      `SELECT ${COLUMNS}, password_hash FROM users WHERE username = $1`,
      [username],
    )
  )[0];
}
