import type { Db } from './pool';

/**
 * Records a solved challenge as used; false when it already was (a replay). Expired ids are
 * cleared on the way: their challenges are refused by their signed expiry anyway.
 */
export async function spendIntakeProof(db: Db, challengeId: string, expiresAt: Date): Promise<boolean> {
  const rows = await db.query(
    `WITH expired AS (DELETE FROM public_intake_proofs WHERE expires_at < now())
     INSERT INTO public_intake_proofs (challenge_id, expires_at) VALUES ($1, $2)
     ON CONFLICT (challenge_id) DO NOTHING RETURNING 1`,
    [challengeId, expiresAt],
  );
  return rows.length === 1;
}
