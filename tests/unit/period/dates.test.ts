import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatChineseDate,
  fromEpochDay,
  InvalidDateError,
  isCivilDate,
  parseCivilDate,
  toEpochDay,
  toYmd,
  weekdayName,
} from '../../../domain/period';

describe('civil dates', () => {
  it.each([
    '2026-02-30',
    '2025-02-29',
    '2100-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '',
    'x',
  ])('rejects %p', (value) => {
    expect(isCivilDate(value)).toBe(false);
    expect(() => parseCivilDate(value)).toThrow(InvalidDateError);
  });

  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %p', (value) => {
    expect(parseCivilDate(value)).toBe(value);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(weekdayName('2026-10-05')).toBe('星期一');
    expect(weekdayName('2027-02-28')).toBe('星期日');
    expect(weekdayName('2025-05-31')).toBe('星期六');
  });

  it('adds months with the month-end rule (民法典第202条)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('adds days, counts days between and compares', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2026-09-20', '2026-10-05')).toBe(15);
    expect(compareDates('2026-01-01', '2025-12-31')).toBeGreaterThan(0);
  });

  it('formats dates in Chinese', () => {
    expect(formatChineseDate('2026-10-08')).toBe('2026年10月8日');
  });

  it('round-trips epoch days and agrees with the Gregorian calendar of Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (epochDay) => {
        const date = fromEpochDay(epochDay);
        expect(toEpochDay(date)).toBe(epochDay);
        const { year, month, day } = toYmd(date);
        expect(Date.UTC(year, month - 1, day) / 86400000).toBe(epochDay);
        expect(new Date(epochDay * 86400000).getUTCDay()).toBe(dayOfWeek(date));
      }),
    );
  });

  it('month addition keeps the day or clamps to the month end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 1, max: 120 }), (epochDay, n) => {
        const start = toYmd(fromEpochDay(epochDay));
        const end = toYmd(addMonths(fromEpochDay(epochDay), n));
        expect(end.year * 12 + end.month - (start.year * 12 + start.month)).toBe(n);
        expect(end.day).toBe(Math.min(start.day, daysInMonth(end.year, end.month)));
      }),
    );
  });
});
