// First-use seeding of the stored calendar: the years bundled in chinese-days and the built-in
// policies. Idempotent, and safe when the API and the worker start together.
import { scheduleFromChineseDays } from '../domain/period';
import { seedPolicyVersion } from '../store/calendar-policy';
import { seedScheduleYears } from '../store/calendar-schedule';
import type { Db } from '../store/pool';
import { DEFAULT_POLICY_CONTENT, DEFAULT_POLICY_VERSION, type PolicyKind } from './policies';

const KINDS: PolicyKind[] = ['period', 'catalogue', 'reminders'];

/**
 * A year the package knows but the database lacks is added (and becomes active where no admin
 * import exists); a year already stored is left as it is, so upgrading chinese-days never
 * replaces a schedule behind the admins' backs — a changed year is loaded by an import.
 */
export async function ensureCalendarSeeded(db: Db): Promise<void> {
  await seedScheduleYears(db, Object.values(scheduleFromChineseDays().years));
  for (const kind of KINDS) {
    await seedPolicyVersion(db, kind, DEFAULT_POLICY_VERSION[kind], DEFAULT_POLICY_CONTENT[kind]);
  }
}
