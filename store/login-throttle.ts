/**
 * The login throttle's ledger: failed logins (auth_events) and attempts still being checked
 * (login_attempts). A place is reserved under advisory locks on the account and the address
 * before the password is hashed, so concurrent attempts are counted as they start, not as
 * they end.
 */
import type { Db, Tx } from './pool';

/** Failed logins allowed in a sliding window; see api/auth/throttle.ts for what each protects. */
export interface ThrottleWindows {
  /** One account from one address. */
  pair: { limit: number; seconds: number };
  /** One address, whatever accounts it tries. */
  address: { limit: number; seconds: number };
  /** One account from addresses it has never signed in from. */
  account: { limit: number; seconds: number };
  /** How long a successful sign-in makes its address known to the account. */
  knownAddressSeconds: number;
}

/** An attempt unresolved after this long (its process died) stops holding its place. */
const PENDING_SECONDS = 120;

export type Reservation = { attemptId: string } | { waitSeconds: number };

export async function reserveLoginAttempt(
  db: Db,
  windows: ThrottleWindows,
  who: { accountKey: string; ip: string },
): Promise<Reservation> {
  return db.withTransaction(async (tx) => {
    // Always the account's lock first, then the address's: no two attempts wait on each other in a circle.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `login-account:${who.accountKey}`,
    ]);
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`login-address:${who.ip}`]);
    const known = await knownAddress(tx, who, windows.knownAddressSeconds);
    // One after another: a transaction is one connection, which runs one query at a time.
    const waits = [
      await waitFor(tx, { accountKey: who.accountKey, ip: who.ip }, windows.pair),
      await waitFor(tx, { ip: who.ip }, windows.address),
      known ? 0 : await waitFor(tx, { accountKey: who.accountKey }, windows.account),
    ];
    const waitSeconds = Math.max(...waits);
    if (waitSeconds > 0) return { waitSeconds };
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO login_attempts (account_key, ip) VALUES ($1, $2) RETURNING id::text',
      [who.accountKey, who.ip],
    );
    return { attemptId: row!.id };
  });
}

/** Ends an attempt's reservation once its outcome is logged (in the same transaction). */
export async function settleLoginAttempt(tx: Tx, attemptId: string): Promise<void> {
  await tx.query('DELETE FROM login_attempts WHERE id = $1', [attemptId]);
}

async function knownAddress(
  tx: Tx,
  who: { accountKey: string; ip: string },
  seconds: number,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM auth_events
     WHERE kind = 'login_succeeded' AND account_key = $1 AND ip = $2
       AND at > clock_timestamp() - make_interval(secs => $3)
     LIMIT 1`,
    [who.accountKey, who.ip, seconds],
  );
  return rows.length > 0;
}

/**
 * Seconds until the newest `limit` failures and pending attempts matching `by` fall out of the
 * window; 0 when under the limit. For an account, failures before its last success do not count.
 */
async function waitFor(
  tx: Tx,
  by: { accountKey?: string; ip?: string },
  window: { limit: number; seconds: number },
): Promise<number> {
  const rows = await tx.query<{ wait: number }>(
    `WITH since AS (
       SELECT coalesce(max(at), '-infinity') AS at FROM auth_events
       WHERE $1::text IS NOT NULL AND kind = 'login_succeeded' AND account_key = $1
     ), counted AS (
       SELECT at FROM auth_events
       WHERE kind = 'login_failed'
         AND ($1::text IS NULL OR account_key = $1) AND ($2::text IS NULL OR ip = $2)
         AND at > clock_timestamp() - make_interval(secs => $3) AND at > (SELECT at FROM since)
       UNION ALL
       SELECT started_at FROM login_attempts
       WHERE ($1::text IS NULL OR account_key = $1) AND ($2::text IS NULL OR ip = $2)
         AND started_at > clock_timestamp() - make_interval(secs => $5)
     )
     SELECT ceil(extract(epoch FROM at + make_interval(secs => $3) - clock_timestamp()))::int AS wait
     FROM counted ORDER BY at DESC LIMIT $4`,
    [by.accountKey ?? null, by.ip ?? null, window.seconds, window.limit, PENDING_SECONDS],
  );
  return rows.length < window.limit ? 0 : Math.max(1, rows[window.limit - 1]!.wait);
}
