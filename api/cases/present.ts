import type { CaseRow } from '../../store/case-reads';

/** The JSON shape of a case in API responses. */
export function presentCase(row: CaseRow) {
  return {
    id: row.id,
    procuratorateId: row.procuratorate_id,
    title: row.title,
    track: row.track,
    stage: row.stage,
    domainCode: row.domain_code,
    source: row.source,
    handlerId: row.handler_id,
    organIds: row.organ_ids,
    externalRef: row.external_ref,
    nextDue: row.next_due,
    nextDueClock: row.next_due_clock,
    nextDueProvisional: row.next_due_provisional,
    overdue: row.overdue,
    typical: row.typical,
    summary: row.summary,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    alertCount: row.alert_count,
  };
}
