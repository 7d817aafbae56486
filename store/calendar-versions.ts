// The cheap check behind the calendar cache: the active version of everything, in one query.
import type { Db } from './pool';

export interface StoredCalendarVersions {
  /** '2025:cd-1.5.7,2026:cd-1.5.7,2027:imp-…', the format of scheduleVersion() in domain/period. */
  schedule: string;
  policy: string;
  catalogue: string;
  reminders: string;
}

export async function storedCalendarVersions(db: Db): Promise<StoredCalendarVersions> {
  const [row] = await db.query<StoredCalendarVersions>(
    `SELECT
       (SELECT coalesce(string_agg(year || ':' || version, ',' ORDER BY year), '')
          FROM holiday_schedule_years WHERE active) AS schedule,
       (SELECT coalesce(max(version), '') FROM policy_versions WHERE kind = 'period' AND active) AS policy,
       (SELECT coalesce(max(version), '') FROM policy_versions WHERE kind = 'catalogue' AND active) AS catalogue,
       (SELECT coalesce(max(version), '') FROM policy_versions WHERE kind = 'reminders' AND active) AS reminders`,
  );
  return row ?? { schedule: '', policy: '', catalogue: '', reminders: '' };
}
