// The per-process cache in front of the stored calendar: each read asks the source only for the
// active versions (one small query) and reloads a component only when its version changed.
import {
  scheduleVersion,
  type ClockCatalogue,
  type HolidaySchedule,
  type PeriodPolicy,
} from '../domain/period';
import type { ReminderPolicy } from './reminder-policy';

export interface CalendarVersions {
  /** The schedule's version as scheduleVersion() spells it: '2026:cd-1.5.7,2027:imp-1a2b3c4d'. */
  schedule: string;
  /** The period policy's version, e.g. 'period-1'. */
  policy: string;
  /** The clock catalogue's version, e.g. 'clocks-1'. */
  catalogue: string;
  /** The reminder policy's version, e.g. 'reminders-1'. */
  reminders: string;
}

export interface CalendarSnapshot {
  schedule: HolidaySchedule;
  policy: PeriodPolicy;
  catalogue: ClockCatalogue;
  reminders: ReminderPolicy;
}

/** Where the cache loads from: the database in production, a fake in unit tests. */
export interface CalendarSource {
  versions(): Promise<CalendarVersions>;
  load: { [K in keyof CalendarSnapshot]: () => Promise<CalendarSnapshot[K]> };
}

export interface CalendarStore {
  schedule(): Promise<HolidaySchedule>;
  periodPolicy(): Promise<PeriodPolicy>;
  catalogue(): Promise<ClockCatalogue>;
  reminderPolicy(): Promise<ReminderPolicy>;
  versions(): Promise<CalendarVersions>;
  /** All four, checked against one version read, for a computation that records them together. */
  snapshot(): Promise<CalendarSnapshot>;
}

type Component = keyof CalendarSnapshot;
const VERSION_KEY = {
  schedule: 'schedule',
  policy: 'policy',
  catalogue: 'catalogue',
  reminders: 'reminders',
} as const;

/** The version a loaded value carries, which may be newer than the one asked for. */
export function versionOfLoaded<K extends Component>(component: K, value: CalendarSnapshot[K]): string {
  if (component === 'schedule') return scheduleVersion(value as HolidaySchedule);
  return (value as { version: string }).version;
}

interface Entry<T> {
  version: string;
  value: Promise<T>;
}

export function createCalendarCache(source: CalendarSource): CalendarStore {
  const entries: { [K in Component]?: Entry<CalendarSnapshot[K]> } = {};

  // Concurrent readers wanting the same version share one load; a failed load is forgotten.
  function ensure<K extends Component>(component: K, wanted: string): Promise<CalendarSnapshot[K]> {
    const entry = entries[component] as Entry<CalendarSnapshot[K]> | undefined;
    if (entry !== undefined && entry.version === wanted) return entry.value;
    const loading: Entry<CalendarSnapshot[K]> = { version: wanted, value: source.load[component]() };
    (entries as Record<K, Entry<CalendarSnapshot[K]>>)[component] = loading;
    loading.value.then(
      (value) => {
        // Keyed by what was actually loaded, so a load racing a newer change is not mistaken for it.
        if (entries[component] === loading) loading.version = versionOfLoaded(component, value);
      },
      () => {
        if (entries[component] === loading) delete entries[component];
      },
    );
    return loading.value;
  }

  async function current<K extends Component>(component: K): Promise<CalendarSnapshot[K]> {
    const versions = await source.versions();
    return ensure(component, versions[VERSION_KEY[component]]);
  }

  return {
    schedule: () => current('schedule'),
    periodPolicy: () => current('policy'),
    catalogue: () => current('catalogue'),
    reminderPolicy: () => current('reminders'),
    versions: () => source.versions(),
    async snapshot() {
      const versions = await source.versions();
      const [schedule, policy, catalogue, reminders] = await Promise.all([
        ensure('schedule', versions.schedule),
        ensure('policy', versions.policy),
        ensure('catalogue', versions.catalogue),
        ensure('reminders', versions.reminders),
      ]);
      return { schedule, policy, catalogue, reminders };
    },
  };
}
