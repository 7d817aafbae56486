// Reads of the open clocks (case_clocks, status 'running') that a schedule or policy change can move.
import type { DeadlineRequest } from '../domain/period';
import type { Db } from './pool';

export interface OpenClockRow {
  case_id: string;
  procuratorate_id: string;
  clock_key: string;
  clock_id: string;
  /** YYYY-MM-DD; null while the clock is suspended. */
  due_date: string | null;
  provisional: boolean;
  request: DeadlineRequest;
  catalogue_version: string;
}

export interface OpenClockFilter {
  /** Only clocks due on or after this date, or suspended (a year's change cannot move earlier ones). */
  dueFrom?: string;
  /** Only these clock types. */
  clockIds?: string[];
}

export async function openClocks(db: Db, filter: OpenClockFilter = {}): Promise<OpenClockRow[]> {
  return db.query<OpenClockRow>(
    `SELECT k.case_id, c.procuratorate_id, k.clock_key, k.clock_id,
            to_char(k.due_date, 'YYYY-MM-DD') AS due_date, k.provisional, k.request, k.catalogue_version
     FROM case_clocks k JOIN cases c ON c.id = k.case_id
     WHERE k.status = 'running'
       AND ($1::date IS NULL OR k.due_date IS NULL OR k.due_date >= $1::date)
       AND ($2::text[] IS NULL OR k.clock_id = ANY($2::text[]))
     ORDER BY k.case_id, k.clock_key`,
    [filter.dueFrom ?? null, filter.clockIds ?? null],
  );
}

/** Cases with at least one running clock (a reminder-policy change concerns them all), with their procuratorate. */
export async function casesWithOpenClocks(db: Db): Promise<{ caseId: string; procuratorateId: string }[]> {
  const rows = await db.query<{ case_id: string; procuratorate_id: string }>(
    `SELECT DISTINCT k.case_id, c.procuratorate_id FROM case_clocks k JOIN cases c ON c.id = k.case_id
     WHERE k.status = 'running' ORDER BY k.case_id`,
  );
  return rows.map((row) => ({ caseId: row.case_id, procuratorateId: row.procuratorate_id }));
}

/** Running clocks whose stored due date is provisional, by the due date's year. */
export async function provisionalOpenClocksByYear(db: Db): Promise<Map<number, number>> {
  const rows = await db.query<{ year: number; n: number }>(
    `SELECT extract(year FROM due_date)::int AS year, count(*)::int AS n FROM case_clocks
     WHERE status = 'running' AND provisional AND due_date IS NOT NULL GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.year, row.n]));
}
