import { createCalendarCache, type CalendarSource, type CalendarVersions } from '../../../calendar/cache';
import { DEFAULT_REMINDER_POLICY } from '../../../calendar/reminder-policy';
import { DEFAULT_CLOCK_CATALOGUE, type HolidaySchedule, type YearSchedule } from '../../../domain/period';

const year = (y: number, version: string): YearSchedule => ({
  year: y,
  version,
  source: 'import',
  holidays: {},
  makeupWorkdays: {},
});

/** A source whose stored state the test changes, counting every load. */
function fakeSource() {
  const state = {
    schedule: { years: { 2026: year(2026, 'cd-1') } } as HolidaySchedule,
    makeupWorkdayCounts: true,
    policyVersion: 'period-1',
    failNextLoad: false,
  };
  const loads = { schedule: 0, policy: 0, catalogue: 0, reminders: 0, versions: 0 };
  const versions = (): CalendarVersions => ({
    schedule: Object.values(state.schedule.years)
      .map((y) => `${y.year}:${y.version}`)
      .join(','),
    policy: state.policyVersion,
    catalogue: 'clocks-1',
    reminders: 'reminders-1',
  });
  const source: CalendarSource = {
    versions: async () => {
      loads.versions += 1;
      return versions();
    },
    load: {
      schedule: async () => {
        loads.schedule += 1;
        if (state.failNextLoad) {
          state.failNextLoad = false;
          throw new Error('database down');
        }
        return structuredClone(state.schedule);
      },
      policy: async () => {
        loads.policy += 1;
        return { version: state.policyVersion, makeupWorkdayCounts: state.makeupWorkdayCounts };
      },
      catalogue: async () => {
        loads.catalogue += 1;
        return DEFAULT_CLOCK_CATALOGUE;
      },
      reminders: async () => {
        loads.reminders += 1;
        return DEFAULT_REMINDER_POLICY;
      },
    },
  };
  return { state, loads, source };
}

describe('the calendar cache', () => {
  it('loads a component once and then only checks its version', async () => {
    const { loads, source } = fakeSource();
    const store = createCalendarCache(source);
    await store.schedule();
    await store.schedule();
    await store.periodPolicy();
    await store.periodPolicy();
    expect(loads).toMatchObject({ schedule: 1, policy: 1, versions: 4 });
  });

  it('reloads only the component whose stored version changed', async () => {
    const { state, loads, source } = fakeSource();
    const store = createCalendarCache(source);
    await store.snapshot();
    state.schedule = { years: { ...state.schedule.years, 2027: year(2027, 'imp-1') } };
    const schedule = await store.schedule();
    expect(Object.keys(schedule.years)).toEqual(['2026', '2027']);
    const snapshot = await store.snapshot();
    expect(snapshot.schedule).toBe(schedule);
    expect(loads).toMatchObject({ schedule: 2, policy: 1, catalogue: 1, reminders: 1 });
    state.policyVersion = 'period-2';
    state.makeupWorkdayCounts = false;
    expect(await store.periodPolicy()).toEqual({ version: 'period-2', makeupWorkdayCounts: false });
    expect(loads).toMatchObject({ schedule: 2, policy: 2 });
  });

  it('shares one load between concurrent readers', async () => {
    const { loads, source } = fakeSource();
    const store = createCalendarCache(source);
    const results = await Promise.all([store.schedule(), store.schedule(), store.snapshot()]);
    expect(results[0]).toBe(results[1]);
    expect(loads.schedule).toBe(1);
  });

  it('forgets a failed load, so the next read tries again', async () => {
    const { state, loads, source } = fakeSource();
    const store = createCalendarCache(source);
    state.failNextLoad = true;
    await expect(store.schedule()).rejects.toThrow('database down');
    await expect(store.schedule()).resolves.toHaveProperty('years');
    expect(loads.schedule).toBe(2);
  });

  it('reports the stored versions as they are', async () => {
    const { source } = fakeSource();
    await expect(createCalendarCache(source).versions()).resolves.toEqual({
      schedule: '2026:cd-1',
      policy: 'period-1',
      catalogue: 'clocks-1',
      reminders: 'reminders-1',
    });
  });
});
