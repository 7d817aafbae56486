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

/**
 * Each sort: the key the page is read in (an index of migration 671 holds it, after the
 * procuratorate), that key as the cursor carries it, and the cursor's value read back as the key.
 */
const SORTS: Record<CaseSort, { key: string; dir: 'ASC' | 'DESC'; value: string; read(p: string): string }> =
  {
    next_due: {
      key: "COALESCE(next_due, DATE '9999-12-31')",
      dir: 'ASC',
      value: "to_char(COALESCE(next_due, DATE '9999-12-31'), 'YYYY-MM-DD')",
      read: (p) => `${p}::date`,
    },
    created: {
      key: 'created_at',
      dir: 'DESC',
      value: "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')",
      read: (p) => `(${p}::timestamp AT TIME ZONE 'UTC')`,
    },
    updated: {
      key: 'updated_at',
      dir: 'DESC',
      value: "to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')",
      read: (p) => `(${p}::timestamp AT TIME ZONE 'UTC')`,
    },
  };

/** Whether `value` is a cursor value `sort` writes: a real date, or a real UTC instant to the microsecond. */
export function cursorValueFits(sort: CaseSort, value: string): boolean {
  if (sort === 'next_due') {
    if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }
  if (!/^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(value)) return false;
  const instant = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().startsWith(value.slice(0, 23));
}

/**
 * One page of a procuratorate's cases; every filter is a bound parameter, never spliced text. The
 * page's rows are found first, in the order of an index; only they are counted for alerts.
 */
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
  const nextDue = SORTS.next_due.key;
  // One stage as an equality: the index by stage then gives the page in order.
  if (filter.stages?.length === 1) add((p) => `stage = ${p}`, filter.stages[0]);
  else if (filter.stages?.length) add((p) => `stage = ANY(${p}::text[])`, filter.stages);
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
  // On the sort key, which has no null: a case with no next deadline is due on no day in range.
  if (filter.dueWithinDays !== undefined) {
    add((p) => `${nextDue} >= ${p}::date`, filter.today);
    add((p) => `${nextDue} <= ${p}::date`, addDaysSql(filter.today, filter.dueWithinDays));
  }
  if (filter.q) add(matchesText, `%${escapeLike(filter.q)}%`);
  const sort = SORTS[page.sort];
  const order = `${sort.key} ${sort.dir}, id ${sort.dir}`;
  if (page.after) {
    const cmp = sort.dir === 'ASC' ? '>' : '<';
    values.push(page.after.value, page.after.id);
    where.push(`(${sort.key}, id) ${cmp} (${sort.read(`$${values.length - 1}`)}, $${values.length})`);
  }
  values.push(page.limit + 1);
  const rows = await db.query<CaseRow & { sort_value: string }>(
    `SELECT ${CASE_COLUMNS}, ${sort.value} AS sort_value
       FROM (SELECT * FROM cases WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${values.length}) cases
      ORDER BY ${order}`,
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
