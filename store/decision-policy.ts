/**
 * Each procuratorate's decision policy: whether heads review proposals first (部门负责人审核), and
 * which of the chief's decisions (filing, recommendation, suing) the chief delegated to which head.
 */
import type { Db } from './pool';

export interface StoredDelegation {
  kind: string;
  headId: string;
  /** The chief who delegated; null for a delegation carried over from before chiefs were named. */
  delegatedBy: string | null;
}

export interface StoredDecisionPolicy {
  headReviewRequired: boolean;
  delegations: StoredDelegation[];
}

export async function decisionPolicyOf(db: Db, procuratorateId: string): Promise<StoredDecisionPolicy> {
  const [settings] = await db.query<{ head_review_required: boolean }>(
    'SELECT head_review_required FROM procuratorate_settings WHERE procuratorate_id = $1',
    [procuratorateId],
  );
  const rows = await db.query<{ kind: string; head_id: string; delegated_by: string | null }>(
    `SELECT kind, head_id, delegated_by FROM decision_delegations
     WHERE procuratorate_id = $1 ORDER BY kind, head_id`,
    [procuratorateId],
  );
  return {
    headReviewRequired: settings?.head_review_required ?? true,
    delegations: rows.map((r) => ({ kind: r.kind, headId: r.head_id, delegatedBy: r.delegated_by })),
  };
}

/** The decisions delegated to `userId` (a head), each with the chief who delegated it. */
export async function delegationsTo(
  db: Db,
  procuratorateId: string,
  userId: string,
): Promise<StoredDelegation[]> {
  const rows = await db.query<{ kind: string; delegated_by: string | null }>(
    'SELECT kind, delegated_by FROM decision_delegations WHERE procuratorate_id = $1 AND head_id = $2',
    [procuratorateId, userId],
  );
  return rows.map((r) => ({ kind: r.kind, headId: userId, delegatedBy: r.delegated_by }));
}

/** Replaces the procuratorate's policy as a whole, in one transaction. */
export async function saveDecisionPolicy(
  db: Db,
  procuratorateId: string,
  policy: StoredDecisionPolicy,
  updatedBy: string,
): Promise<void> {
  await db.withTransaction(async (tx) => {
    await tx.query(
      `INSERT INTO procuratorate_settings (procuratorate_id, head_review_required, updated_by, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (procuratorate_id) DO UPDATE
       SET head_review_required = EXCLUDED.head_review_required, updated_by = $3, updated_at = now()`,
      [procuratorateId, policy.headReviewRequired, updatedBy],
    );
    await tx.query('DELETE FROM decision_delegations WHERE procuratorate_id = $1', [procuratorateId]);
    for (const d of policy.delegations) {
      await tx.query(
        `INSERT INTO decision_delegations (procuratorate_id, kind, head_id, delegated_by, updated_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [procuratorateId, d.kind, d.headId, d.delegatedBy, updatedBy],
      );
    }
  });
}
