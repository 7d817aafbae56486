/**
 * When a clock has run out, apart from the reminder planning in reminders.ts: the workflow needs
 * only this, and reminders.ts reads the holiday schedule (and with it the calendar data).
 */
import { addDays, type CivilDate } from './period/dates';
import { shanghaiInstant } from './time';

/** The moment a clock has run out: 24:00 of its last day, China Standard Time. */
export function expiryInstant(due: CivilDate): number {
  return shanghaiInstant(addDays(due, 1)).getTime();
}
