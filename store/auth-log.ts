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
  | 'user_deactivated'
  | 'role_grant_requested'
  | 'role_grant_approved'
  | 'role_grant_rejected';

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
