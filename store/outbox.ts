import type { Db, Tx } from './pool';

export interface OutboxInsert {
  dedupeKey: string;
  caseId: string | null;
  kind: string;
  recipientUserId: string | null;
  toAddress: string;
  subject: string;
  bodyText: string;
}

export interface OutboxRow {
  id: string;
  dedupe_key: string;
  to_address: string;
  subject: string;
  body_text: string;
}

/** Queues a message once: a second insert with the same key is ignored. */
export async function enqueueMail(tx: Tx, m: OutboxInsert): Promise<void> {
  await tx.query(
    `INSERT INTO mail_outbox (dedupe_key, case_id, kind, recipient_user_id, to_address, subject, body_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
    [m.dedupeKey, m.caseId, m.kind, m.recipientUserId, m.toAddress, m.subject, m.bodyText],
  );
}

/**
 * Leases the unsent messages among `keys` for two minutes, so two concurrent senders never
 * pick the same message, without holding a transaction open across an SMTP call.
 */
export async function claimUnsent(db: Db, keys: string[]): Promise<OutboxRow[]> {
  if (keys.length === 0) return [];
  return db.query<OutboxRow>(
    `UPDATE mail_outbox SET claimed_until = now() + interval '2 minutes', attempts = attempts + 1
     WHERE dedupe_key = ANY($1::text[]) AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
     RETURNING id, dedupe_key, to_address, subject, body_text`,
    [keys],
  );
}

export async function markSent(db: Db, id: string): Promise<void> {
  await db.query(
    'UPDATE mail_outbox SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1',
    [id],
  );
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db.query('UPDATE mail_outbox SET claimed_until = NULL, last_error = $2 WHERE id = $1', [
    id,
    error.slice(0, 500),
  ]);
}

export async function countUnsent(db: Db, keys: string[]): Promise<number> {
  const rows = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM mail_outbox WHERE dedupe_key = ANY($1::text[]) AND sent_at IS NULL',
    [keys],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The outbox keys of a case's messages that were never sent. */
export async function unsentKeysOfCase(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.query<{ dedupe_key: string }>(
    'SELECT dedupe_key FROM mail_outbox WHERE case_id = $1 AND sent_at IS NULL ORDER BY id',
    [caseId],
  );
  return rows.map((r) => r.dedupe_key);
}
