/**
 * The case's page state (domain/case/page-state.ts) in the read model: written by the journal in
 * the transaction of the timeline entries it follows, read by the case page instead of a query
 * to the workflow. `seq` is the last of those entries: an earlier batch written late (a retry)
 * never replaces a later state.
 */
import type { PageState } from '../domain/case/page-state';
import { firstRow, type Db, type Tx } from './pool';

export async function upsertCaseState(tx: Tx, caseId: string, seq: number, state: PageState): Promise<void> {
  await tx.query(
    `INSERT INTO case_states (case_id, seq, state) VALUES ($1, $2, $3)
     ON CONFLICT (case_id) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state
     WHERE case_states.seq < EXCLUDED.seq`,
    [caseId, seq, JSON.stringify(state)],
  );
}

/**
 * Keeps the state the workflow answered for a case that has none stored yet (its last batch was
 * written before states were kept), but only when it is the state after the read model's last
 * timeline entry: a state whose own batch is still being written may yet be undone.
 */
export async function keepQueriedCaseState(db: Db, caseId: string, state: PageState): Promise<void> {
  await db.query(
    `INSERT INTO case_states (case_id, seq, state)
     SELECT id, last_seq, $3::jsonb FROM cases WHERE id = $1 AND last_seq = $2::int
     ON CONFLICT (case_id) DO NOTHING`,
    [caseId, state.seq, JSON.stringify(state)],
  );
}

/** The stored page state of a case; undefined when none is stored yet. */
export async function storedCaseState(db: Db, caseId: string): Promise<PageState | undefined> {
  const row = await firstRow<{ state: PageState }>(db, 'SELECT state FROM case_states WHERE case_id = $1', [
    caseId,
  ]);
  return row?.state;
}
