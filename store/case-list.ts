import { CASE_COLUMNS, type CaseRow } from './case-reads';
import { likePattern, matchesText, textMatches, WALK } from './case-list-text';
import type { Db, Tx } from './pool';

const PROVISIONAL = "COALESCE((summary ->> 'anyProvisional')::boolean, next_due_provisional)";
const TIMESTAMP_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US'`;

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
 * Each order is an expression the list indexes (migration 690) and its text, which the cursor carries;
 * the text sorts as the expression does, and `cursor` turns it back into the expression's type.
 */
const SORTS: Record<
  CaseSort,
  { key: string; text: string; cursor: (p: string) => string; dir: 'ASC' | 'DESC' }
> = {
  next_due: {
    key: "COALESCE(next_due, DATE '9999-12-31')",
    text: "to_char(COALESCE(next_due, DATE '9999-12-31'), 'YYYY-MM-DD')",
    cursor: (p) => `${p}::date`,
    dir: 'ASC',
  },
  created: {
    key: 'created_at',
    text: `to_char(created_at AT TIME ZONE 'UTC', ${TIMESTAMP_TEXT})`,
    cursor: (p) => `(${p}::timestamp AT TIME ZONE 'UTC')`,
    dir: 'DESC',
  },
  updated: {
    key: 'updated_at',
    text: `to_char(updated_at AT TIME ZONE 'UTC', ${TIMESTAMP_TEXT})`,
    cursor: (p) => `(${p}::timestamp AT TIME ZONE 'UTC')`,
    dir: 'DESC',
  },
};

/**
 * Whether `value` can be a cursor's position in `sort`: a date, or a UTC timestamp to the
 * microsecond, as the list writes them. Anything else is refused before it reaches a query.
 */
export function isSortValue(sort: CaseSort, value: string): boolean {
  const date = value.slice(0, 10);
  // Year 0000 is no date to PostgreSQL.
  const validDate = (d: string) => /^(?!0000)\d{4}-\d{2}-\d{2}$/.test(d) && isoDay(d) === d;
  if (sort === 'next_due') return value.length === 10 && validDate(date);
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}$/.exec(value);
  return !!match && validDate(match[1]!) && +match[2]! < 24 && +match[3]! < 60 && +match[4]! < 60;
}

function isoDay(date: string): string | undefined {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

type Page = { sort: CaseSort; limit: number; after?: CaseCursor };
type Row = CaseRow & { sort_value: string };

/**
 * One page of a procuratorate's cases; every filter is a bound parameter, never spliced text. In one
 * transaction, so that a text filter's tries all see the same moment, and without PostgreSQL's JIT:
 * a page is a few index reads, which the planner costs as a walk through every case of the
 * procuratorate and would compile for (hundreds of milliseconds) before running.
 */
export async function listCases(db: Db, filter: CaseListFilter, page: Page): Promise<{ rows: Row[] }> {
  return db.withTransaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    if (!filter.q) return { rows: await pageOf(tx, filter, page) };
    const pattern = likePattern(filter.q);
    // A common word: a page of it among the first cases in page order.
    const near = await pageOf(tx, filter, page, { clause: matchesText, value: pattern }, WALK);
    if (near.length > page.limit) return { rows: near };
    const ids = await textMatches(tx, filter.procuratorateId, pattern);
    const text = ids
      ? { clause: (p: string) => `id = ANY(${p}::text[])`, value: ids }
      : { clause: matchesText, value: pattern };
    return { rows: await pageOf(tx, filter, page, text) };
  });
}

/** The page (limit + 1 rows); with `within`, only among the first `within` cases of the other filters. */
async function pageOf(
  tx: Tx,
  filter: CaseListFilter,
  page: Page,
  text?: { clause: (p: string) => string; value: unknown },
  within?: number,
): Promise<Row[]> {
  const { where, values } = conditions(filter);
  const sort = SORTS[page.sort];
  const p = (value: unknown) => `$${values.push(value)}`;
  if (page.after) {
    const cmp = sort.dir === 'ASC' ? '>' : '<';
    where.push(`(${sort.key}, id) ${cmp} (${sort.cursor(p(page.after.value))}, ${p(page.after.id)})`);
  }
  const order = (key: string) => `ORDER BY ${key} ${sort.dir}, id ${sort.dir}`;
  let from = `cases WHERE ${where.join(' AND ')}`;
  let key = sort.key;
  if (within) {
    // The walk's key as a column of its own: the page then keeps the walk's order instead of sorting it.
    from = `(SELECT *, ${sort.key} AS sort_key FROM ${from} ${order(sort.key)} LIMIT ${p(within)}) cases`;
    key = 'sort_key';
  }
  const textWhere = text ? `${within ? 'WHERE' : 'AND'} ${text.clause(p(text.value))}` : '';
  return tx.query<Row>(
    `SELECT ${CASE_COLUMNS}, ${sort.text} AS sort_value FROM ${from} ${textWhere}
     ${order(key)} LIMIT ${p(page.limit + 1)}`,
    values,
  );
}

function conditions(filter: CaseListFilter) {
  const where: string[] = ['procuratorate_id = $1'];
  const values: unknown[] = [filter.procuratorateId];
  const add = (clause: (p: string) => string, value: unknown) => {
    values.push(value);
    where.push(clause(`$${values.length}`));
  };
  // One stage as an equality: its index gives the stage's cases in deadline order.
  if (filter.stages?.length === 1) add((p) => `stage = ${p}`, filter.stages[0]);
  else if (filter.stages?.length) add((p) => `stage = ANY(${p}::text[])`, filter.stages);
  if (filter.domainCode) add((p) => `domain_code = ${p}`, filter.domainCode);
  // Containment, not `= ANY`: the form the GIN index on organ_ids answers.
  if (filter.organId) add((p) => `organ_ids @> ARRAY[${p}]::text[]`, filter.organId);
  if (filter.handlerId) add((p) => `handler_id = ${p}`, filter.handlerId);
  if (filter.overdue !== undefined) add((p) => `overdue = ${p}`, filter.overdue);
  // Spelt as the partial index's predicate (migration 690), so that provisional cases are found by it.
  if (filter.provisional !== undefined) where.push(`${filter.provisional ? '' : 'NOT '}${PROVISIONAL}`);
  if (filter.dueWithinDays !== undefined) {
    add((p) => `next_due >= ${p}::date`, filter.today);
    add((p) => `next_due <= ${p}::date`, addDaysSql(filter.today, filter.dueWithinDays));
  }
  return { where, values };
}

function addDaysSql(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
