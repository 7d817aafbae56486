/** What a document says about its case, read from the case's rows when the document is made. */
import type { CaseFacts } from '../domain/documents/content';
import { LEAD_SOURCES, type LeadSource } from '../domain/case/stages';
import { firstRow, type Db, type Tx } from './pool';

export async function caseFactsOf(
  q: Db | Tx,
  caseId: string,
): Promise<CaseFacts & { procuratorateId: string }> {
  const row = await firstRow<{
    procuratorate_id: string;
    procuratorate: string;
    title: string;
    source: LeadSource;
    domain: string | null;
    basis: string | null;
    description: string | null;
    source_detail: string | null;
  }>(
    q,
    `SELECT c.procuratorate_id, p.name AS procuratorate, c.title, c.source,
       d.name AS domain, d.basis, cc.input ->> 'description' AS description,
       cc.input ->> 'sourceDetail' AS source_detail
     FROM cases c
     JOIN procuratorates p ON p.id = c.procuratorate_id
     LEFT JOIN case_creations cc ON cc.case_id = c.id
     LEFT JOIN LATERAL (SELECT name, basis FROM domains WHERE code = c.domain_code ORDER BY version DESC LIMIT 1) d
       ON true
     WHERE c.id = $1`,
    [caseId],
  );
  if (!row) throw new Error(`no case ${caseId}`);
  const source = LEAD_SOURCES[row.source] ?? row.source;
  return {
    procuratorateId: row.procuratorate_id,
    procuratorate: row.procuratorate,
    caseNumber: caseId,
    caseTitle: row.title,
    source: row.source_detail ? `${source}（${row.source_detail}）` : source,
    domain: row.domain ?? '',
    domainBasis: row.basis,
    description: row.description,
  };
}

/** Organ names by id, within the procuratorate. */
export async function organNames(
  q: Db | Tx,
  procuratorateId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; name: string }>(
    'SELECT id, name FROM organs WHERE procuratorate_id = $1 AND id = ANY($2)',
    [procuratorateId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who a document names beside the case: its track, its handler and the person acting. */
export async function caseParties(
  q: Db | Tx,
  caseId: string,
  actorId: string,
): Promise<{ track: 'administrative' | 'civil'; handlerName: string; actorName: string }> {
  const row = await firstRow<{ track: 'administrative' | 'civil'; handler: string; actor: string | null }>(
    q,
    `SELECT c.track, h.display_name AS handler, a.display_name AS actor
     FROM cases c JOIN users h ON h.id = c.handler_id LEFT JOIN users a ON a.id = $2
     WHERE c.id = $1`,
    [caseId, actorId],
  );
  if (!row) throw new Error(`no case ${caseId}`);
  return { track: row.track, handlerName: row.handler, actorName: row.actor ?? row.handler };
}
