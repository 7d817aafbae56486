/** Requests for a decision or admin role, open until a second admin approves or rejects them. */
import { firstRow, type Db, type Tx } from './pool';

export interface RoleGrantRow {
  id: string;
  procuratorate_id: string;
  user_id: string;
  roles: string[];
  added: string[];
  activate: boolean;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  outcome: 'approved' | 'rejected' | 'superseded' | null;
}

/** Opens a request, superseding the user's open one (a later change of roles replaces it). */
export async function openRoleGrant(
  tx: Tx,
  g: Pick<
    RoleGrantRow,
    'id' | 'procuratorate_id' | 'user_id' | 'roles' | 'added' | 'activate' | 'requested_by'
  >,
): Promise<RoleGrantRow> {
  await supersedeRoleGrants(tx, g.user_id);
  const rows = await tx.query<RoleGrantRow>(
    `INSERT INTO role_grants (id, procuratorate_id, user_id, roles, added, activate, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [g.id, g.procuratorate_id, g.user_id, g.roles, g.added, g.activate, g.requested_by],
  );
  return rows[0]!;
}

export async function supersedeRoleGrants(tx: Tx, userId: string): Promise<void> {
  await tx.query(
    "UPDATE role_grants SET outcome = 'superseded', decided_at = now() WHERE user_id = $1 AND outcome IS NULL",
    [userId],
  );
}

export function openRoleGrants(db: Db, procuratorateId: string): Promise<RoleGrantRow[]> {
  return db.query<RoleGrantRow>(
    'SELECT * FROM role_grants WHERE procuratorate_id = $1 AND outcome IS NULL ORDER BY requested_at',
    [procuratorateId],
  );
}

/** The open request, locked for its decision. */
export function lockOpenRoleGrant(
  tx: Tx,
  id: string,
  procuratorateId: string,
): Promise<RoleGrantRow | undefined> {
  return firstRow<RoleGrantRow>(
    tx,
    'SELECT * FROM role_grants WHERE id = $1 AND procuratorate_id = $2 AND outcome IS NULL FOR UPDATE',
    [id, procuratorateId],
  );
}

export async function decideRoleGrant(
  tx: Tx,
  id: string,
  by: string,
  outcome: 'approved' | 'rejected',
): Promise<RoleGrantRow> {
  const rows = await tx.query<RoleGrantRow>(
    'UPDATE role_grants SET outcome = $3, decided_by = $2, decided_at = now() WHERE id = $1 RETURNING *',
    [id, by, outcome],
  );
  return rows[0]!;
}
