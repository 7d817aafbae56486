// Fixtures for the calendar tests: open clocks inserted directly, and a made-up 2027 schedule.
import type { Db } from '../../../store/pool';
import {
  addDays,
  computeDeadline,
  scheduleFromChineseDays,
  type DeadlineRequest,
} from '../../../domain/period';
import type { TestOrg } from '../../helpers/fixtures';
import { schedule2027, type ScheduleEntry } from '../../helpers/schedule-2027';

const BUNDLED = scheduleFromChineseDays();

export const days = (start: string, count: number): DeadlineRequest => ({
  start,
  period: { unit: 'days', count },
});
export const months = (start: string, count: number): DeadlineRequest => ({
  start,
  period: { unit: 'months', count },
});

let serial = 0;

/** A case row of `org` (no workflow behind it unless `caseId` names a registered case). */
export async function insertCase(db: Db, org: TestOrg): Promise<string> {
  serial += 1;
  const caseId = `${org.procuratorateId}-2026-${String(90000 + serial)}`;
  await db.query(
    `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source, handler_id,
       created_at, updated_at)
     VALUES ($1, $2, $3, '测试案件', 'administrative', 'FOLLOW_UP', 'ecology', 'own_discovery', $4, now(), now())`,
    [caseId, org.procuratorateId, `case-${caseId}`, org.prosecutor.id],
  );
  return caseId;
}

/** A running clock whose stored due date is what the bundled schedule gives today. */
export async function insertOpenClock(
  db: Db,
  caseId: string,
  request: DeadlineRequest,
  options: { clockId?: string; clockKey?: string; catalogueVersion?: string } = {},
): Promise<{ due: string | null; provisional: boolean }> {
  const result = computeDeadline(request, BUNDLED);
  await db.query(
    `INSERT INTO case_clocks (case_id, clock_key, clock_id, start_date, due_date, status, provisional, request,
       explanation, catalogue_version, policy_version, schedule_version, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8, $9, $10, $11, now())`,
    [
      caseId,
      options.clockKey ?? 'test-reply',
      options.clockId ?? 'reply',
      request.start,
      result.due,
      result.provisional,
      JSON.stringify(request),
      JSON.stringify(result.steps),
      options.catalogueVersion ?? 'clocks-1',
      result.policyVersion,
      result.scheduleVersion,
    ],
  );
  return { due: result.due, provisional: result.provisional };
}

export async function removeCases(db: Db, caseIds: string[]): Promise<void> {
  await db.query('DELETE FROM case_clocks WHERE case_id = ANY($1::text[])', [caseIds]);
  await db.query('DELETE FROM cases WHERE id = ANY($1::text[]) AND stage = $2', [caseIds, 'FOLLOW_UP']);
}

type Entry = ScheduleEntry;

export { schedule2027 };

const compact = (date: string) => date.replaceAll('-', '');

/** Runs of consecutive days with the same name, as chinese-days writes them: [first, last]. */
function runs(entries: Entry[]): { name: string; first: string; last: string }[] {
  const out: { name: string; first: string; last: string }[] = [];
  for (const entry of entries) {
    const run = out[out.length - 1];
    if (run && run.name === entry.name && addDays(run.last, 1) === entry.date) run.last = entry.date;
    else out.push({ name: entry.name, first: entry.date, last: entry.date });
  }
  return out;
}

/** The same year as an .ics in chinese-days' format: all-day VEVENTs, DTEND exclusive, (休) or (班). */
export function ics2027(extraHolidays: string[] = []): string {
  const { holidays, makeupWorkdays } = schedule2027(extraHolidays);
  const event = (run: { name: string; first: string; last: string }, mark: '休' | '班') => [
    'BEGIN:VEVENT',
    `UID:test-2027-${run.first}-${mark === '休' ? 'h' : 'w'}`,
    `DTSTART;VALUE=DATE:${compact(run.first)}`,
    `DTEND;VALUE=DATE:${compact(addDays(run.last, 1))}`,
    'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
    `SUMMARY:${run.name}(${mark})`,
    'TRANSP:TRANSPARENT',
    `DESCRIPTION:${mark}`,
    'CATEGORIES:节假日',
    `X-APPLE-SPECIAL-DAY:${mark === '休' ? 'WORK-HOLIDAY' : 'ALTERNATE-WORKDAY'}`,
    'END:VEVENT',
  ];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//yaavi.me//Chinese Days//CN',
    'X-WR-CALNAME:中国节假日',
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...runs(holidays).flatMap((run) => event(run, '休')),
    ...runs(makeupWorkdays).flatMap((run) => event(run, '班')),
    'END:VCALENDAR',
  ].join('\r\n');
}

/** Puts the shared test database back as the bundled data left it: 2027 missing. */
export async function forget2027(db: Db): Promise<void> {
  await db.query('DELETE FROM holiday_schedule_years WHERE year = 2027');
}
