import type { Db, Tx } from './pool';

export type AuthEventKind =
  | 'login_succeeded'
  | 'login_failed'
  | 'login_throttled'
  | 'token_refreshed'
  | 'refresh_rejected'
  | 'refresh_token_reused'
  | 'logout'
  | 'api_token_issued'
  | 'api_token_revoked'
  | 'api_token_used'
  | 'api_token_rejected'
  | 'password_set'
  | 'user_deactivated';

/** One line of the auth log. Never a password or a token value. */
export interface AuthEvent {
  kind: AuthEventKind;
  userId?: string | null;
  procuratorateId?: string | null;
  /** Keyed hash of the login name typed, for per-account throttling. */
  accountKey?: string | null;
  ip?: string | null;
  tokenId?: string | null;
  actorId?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAuthEvent(q: Db | Tx, e: AuthEvent): Promise<void> {
  await q.query(
    `INSERT INTO auth_events (kind, user_id, procuratorate_id, account_key, ip, token_id, actor_id, request_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.kind,
      e.userId ?? null,
      e.procuratorateId ?? null,
      e.accountKey ?? null,
      e.ip ?? null,
      e.tokenId ?? null,
      e.actorId ?? null,
      e.requestId ?? null,
      JSON.stringify(e.detail ?? {}),
    ],
  );
}

/**
 * Seconds the database clock has left until the newest `limit` failed logins (of an account
 * since its last success, or from an address) fall out of the window; 0 when under the limit.
 */
export async function failedLoginWait(
  db: Db,
  by: { accountKey: string } | { ip: string },
  windowSeconds: number,
  limit: number,
): Promise<number> {
  const rows =
    'accountKey' in by
      ? await db.query<{ wait: number }>(
          `SELECT ceil(extract(epoch FROM at + make_interval(secs => $2) - clock_timestamp()))::int AS wait
           FROM auth_events
           WHERE kind = 'login_failed' AND account_key = $1 AND at > clock_timestamp() - make_interval(secs => $2)
             AND at > coalesce((SELECT max(at) FROM auth_events
                                WHERE kind = 'login_succeeded' AND account_key = $1), '-infinity')
           ORDER BY at DESC LIMIT $3`,
          [by.accountKey, windowSeconds, limit],
        )
      : await db.query<{ wait: number }>(
          `SELECT ceil(extract(epoch FROM at + make_interval(secs => $2) - clock_timestamp()))::int AS wait
           FROM auth_events
           WHERE kind = 'login_failed' AND ip = $1 AND at > clock_timestamp() - make_interval(secs => $2)
           ORDER BY at DESC LIMIT $3`,
          [by.ip, windowSeconds, limit],
        );
  return rows.length < limit ? 0 : Math.max(1, rows[limit - 1]!.wait);
}
