import { firstRow, type Db, type Tx } from './pool';

export interface ApiTokenRow {
  id: string;
  procuratorate_id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS =
  'id, procuratorate_id, user_id, name, prefix, created_by, created_at, expires_at, last_used_at, revoked_at';

export interface NewApiToken {
  id: string;
  procuratorateId: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdBy: string;
  expiresInDays: number | null;
}

export async function insertApiToken(q: Db | Tx, t: NewApiToken): Promise<ApiTokenRow> {
  const rows = await q.query<ApiTokenRow>(
    `INSERT INTO api_tokens (id, procuratorate_id, user_id, name, token_hash, prefix, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8)) RETURNING ${COLUMNS}`,
    [t.id, t.procuratorateId, t.userId, t.name, t.tokenHash, t.prefix, t.createdBy, t.expiresInDays],
  );
  return rows[0]!;
}

export async function listApiTokens(
  db: Db,
  procuratorateId: string,
  filter: { userId?: string; includeRevoked: boolean },
): Promise<ApiTokenRow[]> {
  return db.query<ApiTokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens
     WHERE procuratorate_id = $1 AND ($2::text IS NULL OR user_id = $2) AND ($3 OR revoked_at IS NULL)
     ORDER BY created_at DESC, id LIMIT 500`,
    [procuratorateId, filter.userId ?? null, filter.includeRevoked],
  );
}

/** Revokes a token of the procuratorate (of `ownerId` when given); undefined when there is no such token. */
export async function revokeApiToken(
  db: Db,
  t: { id: string; procuratorateId: string; ownerId?: string; by: string },
): Promise<ApiTokenRow | undefined> {
  const rows = await db.query<ApiTokenRow>(
    `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3)
     WHERE id = $1 AND procuratorate_id = $2 AND ($4::text IS NULL OR user_id = $4) RETURNING ${COLUMNS}`,
    [t.id, t.procuratorateId, t.by, t.ownerId ?? null],
  );
  return rows[0];
}

export interface ApiTokenUse {
  id: string;
  user_id: string;
  procuratorate_id: string;
  roles: string[];
  /** Not revoked, not expired, and its user is active. */
  usable: boolean;
}

export async function findApiTokenForUse(db: Db, tokenHash: string): Promise<ApiTokenUse | undefined> {
  return firstRow<ApiTokenUse>(
    db,
    `SELECT t.id, t.user_id, u.procuratorate_id, u.roles,
              t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active
                AND u.procuratorate_id = t.procuratorate_id AS usable
       FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
}

export async function markApiTokenUsed(db: Db, id: string): Promise<void> {
  await db.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [id]);
}
