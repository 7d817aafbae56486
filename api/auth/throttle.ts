/**
 * Login throttling that slows a guesser without locking the real user out, and holds under a
 * parallel burst:
 * - one account from one address: 5 failures in 15 minutes close that address to that account;
 * - one address: 20 failures in 15 minutes, whatever accounts it tries, close the address;
 * - one account from addresses it has not signed in from in 30 days: 20 failures in an hour close
 *   the account to new addresses (a slower, longer backoff against guessing from many addresses),
 *   while the user's own known addresses still get in.
 * Each attempt reserves its place before its password is hashed (store/login-throttle.ts), and at
 * most `HASH_SLOTS` hashes run at once in a process; a burst beyond the queue is told to retry.
 */
import { reserveLoginAttempt, settleLoginAttempt, type ThrottleWindows } from '../../store/login-throttle';
import type { Db, Tx } from '../../store/pool';
import { problems } from '../problem';

export type LoginLimits = ThrottleWindows;

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  pair: { limit: 5, seconds: 15 * 60 },
  address: { limit: 20, seconds: 15 * 60 },
  account: { limit: 20, seconds: 60 * 60 },
  knownAddressSeconds: 30 * 24 * 3600,
};

/** scrypt at N=2^15 costs 32 MiB and ~50 ms of a thread: four at once fill libuv's default pool. */
const HASH_SLOTS = 4;
const HASH_QUEUE = 64;

/**
 * Runs `check` (which hashes the password) inside a reserved place of the throttle, then
 * `settle(tx)` logs its outcome and frees the place in one transaction. Throws 429 when the
 * throttle is closed for this account or address, 503 when too many hashes are queued.
 */
export async function throttledLogin<T>(
  db: Db,
  limits: LoginLimits,
  who: { accountKey: string; ip: string },
  onThrottled: (waitSeconds: number) => Promise<void>,
  check: () => Promise<T>,
  settle: (tx: Tx, outcome: T) => Promise<void>,
): Promise<T> {
  const reservation = await reserveLoginAttempt(db, limits, who);
  if ('waitSeconds' in reservation) {
    await onThrottled(reservation.waitSeconds);
    throw problems.tooManyRequests(
      `登录失败次数过多，请 ${Math.ceil(reservation.waitSeconds / 60)} 分钟后再试`,
      reservation.waitSeconds,
    );
  }
  let outcome: T;
  try {
    outcome = await hashSlots.run(check);
  } catch (err) {
    await db.withTransaction((tx) => settleLoginAttempt(tx, reservation.attemptId));
    throw err;
  }
  await db.withTransaction(async (tx) => {
    await settle(tx, outcome);
    await settleLoginAttempt(tx, reservation.attemptId);
  });
  return outcome;
}

/** A counting semaphore with a bounded queue. */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly queue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) {
      if (this.waiting.length >= this.queue) throw problems.unavailable('登录请求过多，请稍后再试', 1);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

const hashSlots = new Slots(HASH_SLOTS, HASH_QUEUE);
