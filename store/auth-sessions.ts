import { firstRow, type Db, type Tx } from './pool';

export interface RefreshTokenRow {
  id: string;
  family_id: string;
  user_id: string;
  rotated: boolean;
  revoked: boolean;
  /** Neither the token nor its family has outlived its lifetime. */
  live: boolean;
}

export interface NewRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  /** When the family's first login happened (null: now, a new login). */
  familyStartedAt: Date | null;
  ttlSeconds: number;
}

export async function insertRefreshToken(q: Db | Tx, t: NewRefreshToken): Promise<void> {
  await q.query(
    `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, family_started_at, expires_at)
     VALUES ($1, $2, $3, $4, coalesce($5, now()), now() + make_interval(secs => $6))`,
    [t.id, t.familyId, t.userId, t.tokenHash, t.familyStartedAt, t.ttlSeconds],
  );
}

export async function findRefreshToken(
  db: Db,
  tokenHash: string,
  familyMaxSeconds: number,
): Promise<(RefreshTokenRow & { family_started_at: Date }) | undefined> {
  return firstRow<RefreshTokenRow & { family_started_at: Date }>(
    db,
    `SELECT id, family_id, user_id, family_started_at, rotated_at IS NOT NULL AS rotated,
              revoked_at IS NOT NULL AS revoked,
              expires_at > now() AND family_started_at > now() - make_interval(secs => $2) AS live
       FROM refresh_tokens WHERE token_hash = $1`,
    [tokenHash, familyMaxSeconds],
  );
}

/** Marks a token used; false when another request used (or revoked) it first. */
export async function rotateRefreshToken(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE refresh_tokens SET rotated_at = now() WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL RETURNING 1',
    [id],
  );
  return rows.length === 1;
}

export async function revokeFamily(q: Db | Tx, familyId: string): Promise<void> {
  await q.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [
    familyId,
  ]);
}

/** Ends every session of a user (deactivated, or a new password set). */
export async function revokeUserSessions(q: Db | Tx, userId: string): Promise<void> {
  await q.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
  ]);
}
