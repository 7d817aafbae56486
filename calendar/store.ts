// The holiday schedule and the policies as stored by the admins, for activities and the API.
// The engine never runs in workflow code: activities call this store and pass results on.
import type { Db } from '../store/pool';
import { findPolicyVersion, activePolicyVersion } from '../store/calendar-policy';
import { loadActiveSchedule } from '../store/calendar-schedule';
import { storedCalendarVersions } from '../store/calendar-versions';
import { createCalendarCache, type CalendarSource, type CalendarStore } from './cache';
import { catalogueFrom, periodPolicyFrom, type PolicyKind } from './policies';
import { reminderPolicyFrom } from './reminder-policy';
import { ensureCalendarSeeded } from './seed';

export type { CalendarSnapshot, CalendarStore, CalendarVersions } from './cache';
export type { ReminderPolicy, ReminderRecipient, ReminderStep, WorkingHours } from './reminder-policy';
export { DEFAULT_REMINDER_POLICY } from './reminder-policy';

/** Runs `work` once; a failure is not remembered, so the next call tries again. */
function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= work().catch((err: unknown) => {
      done = undefined;
      throw err;
    });
    return done;
  };
}

async function activeContent(db: Db, kind: PolicyKind): Promise<{ version: string; content: unknown }> {
  const row = await activePolicyVersion(db, kind);
  if (row === undefined) throw new Error(`no active ${kind} policy version is stored`);
  return row;
}

function databaseSource(db: Db): CalendarSource {
  const seeded = once(() => ensureCalendarSeeded(db));
  const content = async (kind: PolicyKind) => {
    await seeded();
    return activeContent(db, kind);
  };
  return {
    async versions() {
      await seeded();
      return storedCalendarVersions(db);
    },
    load: {
      schedule: async () => {
        await seeded();
        return loadActiveSchedule(db);
      },
      policy: async () => content('period').then((row) => periodPolicyFrom(row.version, row.content)),
      catalogue: async () => content('catalogue').then((row) => catalogueFrom(row.version, row.content)),
      reminders: async () => content('reminders').then((row) => reminderPolicyFrom(row.version, row.content)),
    },
  };
}

/**
 * One store per process: every read costs one small version query, and a component is reloaded
 * only when an admin has changed it. The first call seeds the database from chinese-days.
 */
export function createCalendarStore(db: Db): CalendarStore {
  return createCalendarCache(databaseSource(db));
}

/** A stored clock catalogue by version (the one that produced a deadline), or undefined. */
export async function storedCatalogue(db: Db, version: string) {
  const row = await findPolicyVersion(db, 'catalogue', version);
  return row === undefined ? undefined : catalogueFrom(row.version, row.content);
}
