// The running clocks of a procuratorate's cases whose due dates fall in a range (the calendar).
import type { Db } from './pool';

export interface OpenDeadlineRow {
  case_id: string;
  title: string;
  stage: string;
  clock_key: string;
  clock_id: string;
  name: string;
  due: string;
  provisional: boolean;
  recommendation_id: string | null;
}

export interface OpenDeadlineFilter {
  procuratorateId: string;
  from: string;
  to: string;
  /** Only the cases this user handles; every case of the procuratorate when omitted. */
  handlerId?: string;
}

export async function openDeadlines(db: Db, filter: OpenDeadlineFilter): Promise<OpenDeadlineRow[]> {
  return db.query<OpenDeadlineRow>(
    `SELECT k.case_id, c.title, c.stage, k.clock_key, k.clock_id,
            coalesce(k.explanation->>'name', k.clock_id) AS name,
            to_char(k.due_date, 'YYYY-MM-DD') AS due, k.provisional, k.recommendation_id
       FROM case_clocks k JOIN cases c ON c.id = k.case_id
      WHERE k.status = 'running' AND k.due_date BETWEEN $2::date AND $3::date
        AND c.procuratorate_id = $1 AND ($4::text IS NULL OR c.handler_id = $4)
      ORDER BY k.due_date, k.case_id, k.clock_key`,
    [filter.procuratorateId, filter.from, filter.to, filter.handlerId ?? null],
  );
}
