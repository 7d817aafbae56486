import type { Tx } from './pool';

/** What the case workflow tells the read model after every accepted change. */
export interface CaseProjection {
  caseId: string;
  procuratorateId: string;
  workflowId: string;
  title: string;
  track: string;
  stage: string;
  domainCode: string;
  source: string;
  handlerId: string;
  organIds: string[];
  externalRef: string | null;
  nextDue: string | null;
  nextDueClock: string | null;
  nextDueProvisional: boolean;
  overdue: boolean;
  typical: boolean;
  summary: Record<string, unknown>;
  createdAt: string;
}

/** Upserts the case row; a row written by a later timeline entry is never overwritten by an earlier one. */
export async function upsertCaseProjection(
  tx: Tx,
  p: CaseProjection,
  seq: number,
  at: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source, handler_id,
       organ_ids, external_ref, next_due, next_due_clock, next_due_provisional, overdue, typical, summary,
       last_seq, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, stage = EXCLUDED.stage,
       domain_code = EXCLUDED.domain_code, handler_id = EXCLUDED.handler_id, organ_ids = EXCLUDED.organ_ids,
       next_due = EXCLUDED.next_due, next_due_clock = EXCLUDED.next_due_clock,
       next_due_provisional = EXCLUDED.next_due_provisional, overdue = EXCLUDED.overdue,
       typical = EXCLUDED.typical, summary = EXCLUDED.summary, last_seq = EXCLUDED.last_seq,
       updated_at = EXCLUDED.updated_at
     WHERE cases.last_seq < EXCLUDED.last_seq`,
    [
      p.caseId,
      p.procuratorateId,
      p.workflowId,
      p.title,
      p.track,
      p.stage,
      p.domainCode,
      p.source,
      p.handlerId,
      p.organIds,
      p.externalRef,
      p.nextDue,
      p.nextDueClock,
      p.nextDueProvisional,
      p.overdue,
      p.typical,
      JSON.stringify(p.summary),
      seq,
      p.createdAt,
      at,
    ],
  );
}
