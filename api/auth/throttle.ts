import { failedLoginWait } from '../../store/auth-log';
import type { Db } from '../../store/pool';

/** Failed logins allowed in a sliding window, per account and per address. */
export interface LoginLimits {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perIp: 20, windowSeconds: 15 * 60 };

/**
 * Seconds until the next login may be tried; 0 when allowed. Counted from the auth log, so
 * every API process sees the same count. An account's count restarts at its last success.
 */
export async function loginThrottleWait(
  db: Db,
  limits: LoginLimits,
  who: { accountKey: string; ip: string },
): Promise<number> {
  const [account, address] = await Promise.all([
    failedLoginWait(db, { accountKey: who.accountKey }, limits.windowSeconds, limits.perAccount),
    failedLoginWait(db, { ip: who.ip }, limits.windowSeconds, limits.perIp),
  ]);
  return Math.max(account, address);
}
