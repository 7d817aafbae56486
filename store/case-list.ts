import { CASE_COLUMNS, type CaseRow } from './case-reads';
import type { Db } from './pool';

export interface CaseListFilter {
  procuratorateId: string;
  stages?: string[];
  domainCode?: string;
  organId?: string;
  handlerId?: string;
  /** Next deadline between today and today + N days. */
  dueWithinDays?: number;
  overdue?: boolean;
  /** Has a running deadline that is provisional (a year of the schedule missing). */
  provisional?: boolean;
  /** Free text on title, case number and the lead's description and source detail. */
  q?: string;
  today: string;
}

export type CaseSort = 'next_due' | 'created' | 'updated';

/** Keyset position: the sort value and the case id of the last row of the previous page. */
export interface CaseCursor {
  value: string;
  id: string;
}

const SORTS: Record<CaseSort, { expr: string; dir: 'ASC' | 'DESC' }> = {
  next_due: { expr: "COALESCE(next_due, DATE '9999-12-31')::text", dir: 'ASC' },
  created: { expr: "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')", dir: 'DESC' },
  updated: { expr: "to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')", dir: 'DESC' },
};

/** One page of a procuratorate's cases; every filter is a bound parameter, never spliced text. */
export async function listCases(
  db: Db,
  filter: CaseListFilter,
  page: { sort: CaseSort; limit: number; after?: CaseCursor },
): Promise<{ rows: (CaseRow & { sort_value: string })[] }> {
  const where: string[] = ['procuratorate_id = $1'];
  const values: unknown[] = [filter.procuratorateId];
  const add = (clause: (p: string) => string, value: unknown) => {
    values.push(value);
    where.push(clause(`$${values.length}`));
  };
  if (filter.stages?.length) add((p) => `stage = ANY(${p}::text[])`, filter.stages);
  if (filter.domainCode) add((p) => `domain_code = ${p}`, filter.domainCode);
  if (filter.organId) add((p) => `${p} = ANY(organ_ids)`, filter.organId);
  if (filter.handlerId) add((p) => `handler_id = ${p}`, filter.handlerId);
  if (filter.overdue !== undefined) add((p) => `overdue = ${p}`, filter.overdue);
  if (filter.provisional !== undefined) {
    add(
      (p) => `COALESCE((summary ->> 'anyProvisional')::boolean, next_due_provisional) = ${p}`,
      filter.provisional,
    );
  }
  if (filter.dueWithinDays !== undefined) {
    add((p) => `next_due >= ${p}::date`, filter.today);
    add((p) => `next_due <= ${p}::date`, addDaysSql(filter.today, filter.dueWithinDays));
  }
  if (filter.q) add(matchesText, `%${escapeLike(filter.q)}%`);
  const sort = SORTS[page.sort];
  if (page.after) {
    const cmp = sort.dir === 'ASC' ? '>' : '<';
    values.push(page.after.value, page.after.id);
    where.push(`(${sort.expr}, id) ${cmp} ($${values.length - 1}, $${values.length})`);
  }
  values.push(page.limit + 1);
  const rows = await db.query<CaseRow & { sort_value: string }>(
    `SELECT ${CASE_COLUMNS}, ${sort.expr} AS sort_value FROM cases WHERE ${where.join(' AND ')}
     ORDER BY ${sort.expr} ${sort.dir}, id ${sort.dir} LIMIT $${values.length}`,
    values,
  );
  return { rows };
}

/** The lead's words live in its creation record (`lead_text`, indexed for ILIKE by migration 424). */
function matchesText(p: string): string {
  return `(title ILIKE ${p} ESCAPE '\\' OR id ILIKE ${p} ESCAPE '\\' OR EXISTS (
    SELECT 1 FROM case_creations cc WHERE cc.case_id = cases.id AND cc.lead_text ILIKE ${p} ESCAPE '\\'))`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function addDaysSql(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
