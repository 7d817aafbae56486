/**
 * Signing in and staying signed in: login (throttled), refresh with rotation, logout. A
 * refresh token is opaque and single-use; presenting one that was already used revokes its
 * whole family, since only a thief or a replay would do that.
 */
import { recordAuthEvent, type AuthEvent } from '../../store/auth-log';
import {
  findRefreshToken,
  insertRefreshToken,
  revokeFamily,
  rotateRefreshToken,
} from '../../store/auth-sessions';
import type { Db, Tx } from '../../store/pool';
import { findUser, findUserForLogin, replacePasswordHash, type UserRow } from '../../store/users';
import { isRole, type Role } from '../../domain/roles';
import { problems } from '../problem';
import { keyedHash, tokenHash } from './keyed-hash';
import { newId, newRefreshToken } from './opaque-tokens';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { throttledLogin, type LoginLimits } from './throttle';
import type { TokenSigner } from './tokens';

export const REFRESH_TOKEN_TTL_SECONDS = 12 * 3600;
export const SESSION_MAX_SECONDS = 7 * 24 * 3600;

export interface SessionDeps {
  db: Db;
  signer: TokenSigner;
  secret: string;
  limits: LoginLimits;
}

/** Where a request came from, for the auth log. */
export interface Origin {
  ip: string;
  requestId: string;
}

type LoginUser = UserRow & { password_hash: string | null };
type LoginOutcome = { ok: true; user: LoginUser } | { ok: false; user: LoginUser | undefined };

export async function login(
  deps: SessionDeps,
  input: { username: string; password: string },
  origin: Origin,
) {
  const accountKey = keyedHash(deps.secret, 'account', input.username.toLowerCase());
  const log = (q: Db | Tx, e: Omit<AuthEvent, 'accountKey' | 'ip' | 'requestId'>) =>
    recordAuthEvent(q, { ...e, accountKey, ip: origin.ip, requestId: origin.requestId });
  const outcome = await throttledLogin(
    deps.db,
    deps.limits,
    { accountKey, ip: origin.ip },
    () => log(deps.db, { kind: 'login_throttled' }),
    async (): Promise<LoginOutcome> => {
      const found = await findUserForLogin(deps.db, input.username);
      const ok = await verifyPassword(input.password, found?.password_hash ?? null);
      return found && ok && found.active ? { ok: true, user: found } : { ok: false, user: found };
    },
    (tx, { ok, user: found }) =>
      log(tx, {
        kind: ok ? 'login_succeeded' : 'login_failed',
        userId: found?.id,
        procuratorateId: found?.procuratorate_id,
      }),
  );
  if (!outcome.ok) throw problems.unauthenticated('用户名或密码错误');
  await upgradeHash(deps.db, outcome.user, input.password);
  return issueSession(deps, outcome.user, { familyId: newId('fam'), familyStartedAt: null });
}

/**
 * A hash made at older parameters is replaced now that the password is at hand; only if it is
 * still the one checked (a password changed meanwhile wins). Sessions are not ended: the
 * password did not change.
 */
async function upgradeHash(db: Db, user: { id: string; password_hash: string | null }, password: string) {
  if (!user.password_hash || !needsRehash(user.password_hash)) return;
  await replacePasswordHash(db, user.id, user.password_hash, await hashPassword(password));
}

export async function refresh(deps: SessionDeps, refreshToken: string, origin: Origin) {
  const found = await findRefreshToken(deps.db, tokenHash(refreshToken), SESSION_MAX_SECONDS);
  const log = (kind: AuthEvent['kind'], userId?: string) =>
    recordAuthEvent(deps.db, { kind, userId, ip: origin.ip, requestId: origin.requestId });
  const rejected = problems.unauthenticated('刷新令牌无效或已过期，请重新登录');
  if (!found || found.revoked || !found.live) {
    await log('refresh_rejected', found?.user_id);
    throw rejected;
  }
  const user = await findUser(deps.db, found.user_id);
  const rotated =
    !found.rotated &&
    user?.active &&
    (await deps.db.withTransaction((tx) => rotateRefreshToken(tx, found.id)));
  if (!rotated || !user) {
    await revokeFamily(deps.db, found.family_id);
    await log(found.rotated || user?.active ? 'refresh_token_reused' : 'refresh_rejected', found.user_id);
    throw rejected;
  }
  await log('token_refreshed', user.id);
  return issueSession(deps, user, { familyId: found.family_id, familyStartedAt: found.family_started_at });
}

/** Ends the session the refresh token belongs to. Unknown tokens end nothing, silently. */
export async function logout(deps: SessionDeps, refreshToken: string, origin: Origin): Promise<void> {
  const found = await findRefreshToken(deps.db, tokenHash(refreshToken), SESSION_MAX_SECONDS);
  if (!found) return;
  await revokeFamily(deps.db, found.family_id);
  await recordAuthEvent(deps.db, {
    kind: 'logout',
    userId: found.user_id,
    ip: origin.ip,
    requestId: origin.requestId,
  });
}

async function issueSession(
  deps: SessionDeps,
  user: UserRow,
  family: { familyId: string; familyStartedAt: Date | null },
) {
  const roles = user.roles.filter(isRole) as Role[];
  const { token, expiresIn } = await deps.signer.issueAccessToken({
    userId: user.id,
    roles,
    procuratorateId: user.procuratorate_id,
  });
  const refreshToken = newRefreshToken();
  await insertRefreshToken(deps.db, {
    id: newId('rt'),
    ...family,
    userId: user.id,
    tokenHash: tokenHash(refreshToken),
    ttlSeconds: REFRESH_TOKEN_TTL_SECONDS,
  });
  return {
    accessToken: token,
    tokenType: 'Bearer' as const,
    expiresIn,
    refreshToken,
    refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
    user: presentSelf(user, roles),
  };
}

export function presentSelf(user: UserRow, roles: readonly string[] = user.roles) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    roles: roles.filter(isRole),
    procuratorateId: user.procuratorate_id,
  };
}
