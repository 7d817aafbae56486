import type { Db } from './pool';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type KeyClaim =
  | { kind: 'claimed' }
  | { kind: 'in_flight' }
  | { kind: 'mismatch' }
  | { kind: 'done'; response: StoredResponse };

const LOCK = "interval '2 minutes'";
const RETENTION = "interval '24 hours'";

/**
 * Reserves `key` for a request, atomically: of two concurrent requests with one key exactly
 * one gets 'claimed'. A reservation left by a request that died, or a key older than a day,
 * is taken over.
 */
export async function claimKey(
  db: Db,
  k: { scope: string; key: string; requestHash: string },
): Promise<KeyClaim> {
  const claimed = await db.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, state, locked_until)
     VALUES ($1, $2, $3, 'in_flight', now() + ${LOCK})
     ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, state = 'in_flight',
       locked_until = EXCLUDED.locked_until, status = NULL, headers = NULL, body = NULL, created_at = now()
     WHERE idempotency_keys.created_at < now() - ${RETENTION}
        OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.locked_until < now())
     RETURNING 1`,
    [k.scope, k.key, k.requestHash],
  );
  if (claimed.length > 0) return { kind: 'claimed' };
  const [row] = await db.query<{
    request_hash: string;
    state: string;
    status: number | null;
    headers: Record<string, string> | null;
    body: string | null;
  }>(
    'SELECT request_hash, state, status, headers, body FROM idempotency_keys WHERE scope = $1 AND key = $2',
    [k.scope, k.key],
  );
  if (!row) return claimKey(db, k);
  if (row.request_hash !== k.requestHash) return { kind: 'mismatch' };
  if (row.state === 'in_flight') return { kind: 'in_flight' };
  return {
    kind: 'done',
    response: { status: row.status!, headers: row.headers ?? {}, body: row.body ?? '' },
  };
}

export async function completeKey(
  db: Db,
  scope: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys SET state = 'done', locked_until = NULL, status = $3, headers = $4, body = $5
     WHERE scope = $1 AND key = $2`,
    [scope, key, response.status, JSON.stringify(response.headers), response.body],
  );
}

/** Frees a key whose request failed on our side, so the client may retry it. */
export async function releaseKey(db: Db, scope: string, key: string): Promise<void> {
  await db.query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_flight'", [
    scope,
    key,
  ]);
}

export async function forgetOldKeys(db: Db): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - ${RETENTION}`);
}
