import { validateYearImport, type YearImportEntry } from '../../../domain/period';
import { CHINESE_DAYS } from './helpers/fixtures';

const entries = (record: Record<string, string>): YearImportEntry[] =>
  Object.entries(record).map(([date, name]) => ({ date, name }));

function year2026(overrides: { holidays?: YearImportEntry[]; makeupWorkdays?: YearImportEntry[] } = {}) {
  const cd = CHINESE_DAYS.years[2026];
  return {
    year: 2026,
    holidays: overrides.holidays ?? entries(cd?.holidays ?? {}),
    makeupWorkdays: overrides.makeupWorkdays ?? entries(cd?.makeupWorkdays ?? {}),
  };
}

function errorsOf(input: unknown): string[] {
  const result = validateYearImport(input);
  return result.ok ? [] : result.errors;
}

describe('validateYearImport (JSON)', () => {
  it('accepts a whole year and gives it a content-derived version', () => {
    const result = validateYearImport(year2026());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schedule).toMatchObject({ year: 2026, source: 'import' });
    expect(result.schedule.holidays).toEqual(CHINESE_DAYS.years[2026]?.holidays);
    expect(result.schedule.makeupWorkdays).toEqual(CHINESE_DAYS.years[2026]?.makeupWorkdays);
    expect(result.schedule.version).toMatch(/^imp-[0-9a-f]{8}$/);
    const again = validateYearImport({ ...year2026(), holidays: [...year2026().holidays].reverse() });
    expect(again.ok && again.schedule.version).toBe(result.schedule.version);
    expect(validateYearImport(year2026(), { version: 'gov-2025-11' })).toMatchObject({
      schedule: { version: 'gov-2025-11' },
    });
  });

  it('rejects a date that does not exist', () => {
    const holidays = [...year2026().holidays, { date: '2026-02-30', name: '春节' }];
    expect(errorsOf(year2026({ holidays }))).toEqual([expect.stringContaining('2026-02-30')]);
  });

  it('rejects dates outside the year', () => {
    const holidays = [...year2026().holidays, { date: '2027-01-01', name: '元旦' }];
    expect(errorsOf(year2026({ holidays }))).toEqual(['2027-01-01 不在 2026 年内（节假日）']);
  });

  it('rejects a day that is both a holiday and a working day', () => {
    const makeupWorkdays = [...year2026().makeupWorkdays, { date: '2026-10-03', name: '国庆节' }];
    expect(errorsOf(year2026({ makeupWorkdays }))).toEqual(['2026-10-03 同时被列为节假日和调休上班日']);
  });

  it('rejects a make-up working day that is not a weekend day', () => {
    const makeupWorkdays = [...year2026().makeupWorkdays, { date: '2026-10-09', name: '国庆节' }];
    expect(errorsOf(year2026({ makeupWorkdays }))).toEqual([
      '2026-10-09（星期五）不是周末，不能作为调休上班日',
    ]);
  });

  it('rejects duplicate dates', () => {
    const holidays = [...year2026().holidays, { date: '2026-10-01', name: '国庆节' }];
    expect(errorsOf(year2026({ holidays }))).toEqual(['2026-10-01 在节假日中重复出现']);
  });

  it('requires the whole year', () => {
    expect(errorsOf(year2026({ holidays: [], makeupWorkdays: [] }))).toEqual([
      '2026 年没有任何节假日：必须载入全年的节假日安排',
    ]);
    const onlySpring = year2026().holidays.filter((h) => h.date.startsWith('2026-02'));
    const errors = errorsOf(year2026({ holidays: onlySpring }));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('2026-01-01（元旦）：必须载入全年的节假日安排');
  });

  it('names malformed input', () => {
    expect(errorsOf(null)).toEqual(['导入内容必须是 JSON 对象']);
    expect(errorsOf({ ...year2026(), year: '2026' })).toEqual(['年份 "2026" 无效：应为四位整数']);
    expect(errorsOf({ year: 2026, holidays: year2026().holidays })).toEqual([
      '缺少调休上班日列表 makeupWorkdays（没有时请给出空列表 []）',
    ]);
    const holidays = [...year2026().holidays, { date: '2026-12-25' } as YearImportEntry];
    expect(errorsOf(year2026({ holidays }))).toEqual([expect.stringContaining('2026-12-25 缺少名称')]);
  });

  it('reports every problem at once', () => {
    const holidays = [
      ...year2026().holidays,
      { date: '2026-02-30', name: 'x' },
      { date: '2025-12-31', name: 'y' },
    ];
    const makeupWorkdays = [{ date: '2026-10-09', name: '国庆节' }];
    expect(errorsOf(year2026({ holidays, makeupWorkdays }))).toHaveLength(3);
  });
});
