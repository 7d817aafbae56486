import chineseDaysPackage from 'chinese-days/package.json';
import {
  CHINESE_DAYS_VERSION,
  chineseHolidayName,
  dayStatus,
  isDayOff,
  scheduleFromChineseDays,
  scheduleVersion,
  withYear,
} from '../../../domain/period';
import { CHINESE_DAYS, hypothetical2027, onlyYears } from './helpers/fixtures';

describe('schedule from chinese-days', () => {
  it('has one year schedule per year of the package, 2004 to 2026', () => {
    const years = Object.keys(CHINESE_DAYS.years).map(Number);
    expect(Math.min(...years)).toBe(2004);
    expect(Math.max(...years)).toBe(2026);
    expect(years).toHaveLength(23);
    expect(CHINESE_DAYS_VERSION).toBe(chineseDaysPackage.version);
    expect(CHINESE_DAYS.years[2026]).toMatchObject({
      year: 2026,
      version: 'cd-1.5.7',
      source: 'chinese-days',
    });
  });

  it('takes the Chinese holiday names', () => {
    expect(chineseHolidayName('Spring Festival,春节,4')).toBe('春节');
    expect(CHINESE_DAYS.years[2025]?.holidays['2025-01-28']).toBe('春节');
    expect(CHINESE_DAYS.years[2025]?.holidays['2025-10-06']).toBe('中秋');
    expect(CHINESE_DAYS.years[2026]?.makeupWorkdays['2026-09-20']).toBe('国庆节');
  });

  it('labels the version year by year', () => {
    expect(scheduleVersion(onlyYears(2026, 2025))).toBe('2025:cd-1.5.7,2026:cd-1.5.7');
    const withImport = withYear(onlyYears(2026), hypothetical2027());
    expect(scheduleVersion(withImport)).toMatch(/^2026:cd-1\.5\.7,2027:imp-[0-9a-f]{8}$/);
    expect(scheduleFromChineseDays()).toEqual(CHINESE_DAYS);
  });
});

describe('isDayOff', () => {
  it.each([
    ['2026-10-05', true, '国庆节 on a Monday'],
    ['2026-10-09', false, 'an ordinary Friday'],
    ['2026-10-17', true, 'an ordinary Saturday'],
    ['2026-10-10', false, 'a Saturday 调休 working day'],
    ['2026-09-20', false, 'a Sunday 调休 working day'],
    ['2027-01-01', false, 'a Friday in a missing year (weekends only)'],
    ['2027-01-02', true, 'a Saturday in a missing year'],
  ])('%s is a day off: %p (%s)', (date, expected) => {
    expect(isDayOff(date, CHINESE_DAYS)).toBe(expected);
  });

  it('treats a make-up working day as a day off when the policy says it does not count', () => {
    expect(isDayOff('2026-10-10', CHINESE_DAYS, { makeupWorkdayCounts: false })).toBe(true);
    expect(isDayOff('2026-10-10', CHINESE_DAYS, { makeupWorkdayCounts: true })).toBe(false);
    expect(isDayOff('2026-10-10', CHINESE_DAYS, {})).toBe(false);
  });

  it('reports whether the year was loaded', () => {
    expect(dayStatus('2027-02-28', CHINESE_DAYS)).toEqual({
      date: '2027-02-28',
      off: true,
      kind: 'weekend',
      yearLoaded: false,
    });
    expect(dayStatus('2026-10-01', CHINESE_DAYS)).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
      yearLoaded: true,
    });
  });
});
