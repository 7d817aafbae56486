import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIcsYear } from '../../../domain/period';
import { CHINESE_DAYS } from './helpers/fixtures';

const YEARS_DIR = path.resolve(__dirname, '../../../node_modules/chinese-days/dist/years');
const readIcs = (year: number) => readFileSync(path.join(YEARS_DIR, `${year}.ics`), 'utf8');

function event(summary: string, start: string, end: string, extra: string[] = []): string[] {
  return [
    'BEGIN:VEVENT',
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${summary}`,
    ...extra,
    'END:VEVENT',
  ];
}

function calendar(...events: string[][]): string {
  const fixed = [event('元旦(休)', '20260101', '20260104'), event('劳动节(休)', '20260501', '20260506')];
  const national = event('国庆节(休)', '20261001', '20261008');
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...[...fixed, national, ...events].flat(), 'END:VCALENDAR'].join(
    '\r\n',
  );
}

describe('parseIcsYear', () => {
  it('reads chinese-days dist/years/2026.ics into the same schedule as its JSON data', () => {
    const result = parseIcsYear(readIcs(2026), 2026);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schedule.source).toBe('import');
    expect(result.schedule.holidays).toEqual(CHINESE_DAYS.years[2026]?.holidays);
    expect(result.schedule.makeupWorkdays).toEqual(CHINESE_DAYS.years[2026]?.makeupWorkdays);
  });

  it.each(Array.from({ length: 22 }, (_, i) => 2004 + i))('agrees with the JSON data for %i', (year) => {
    const result = parseIcsYear(readIcs(year), year);
    expect(result.ok && result.schedule.holidays).toEqual(CHINESE_DAYS.years[year]?.holidays);
    expect(result.ok && result.schedule.makeupWorkdays).toEqual(CHINESE_DAYS.years[year]?.makeupWorkdays);
  });

  it('handles LF line endings, folded lines, escapes and DESCRIPTION marks', () => {
    const folded = [
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260214',
      'SUMMARY:春',
      ' 节',
      'DESCRIPTION:班',
      'END:VEVENT',
    ];
    const result = parseIcsYear(calendar(folded).replace(/\r\n/g, '\n'), 2026);
    expect(result.ok && result.schedule.makeupWorkdays).toEqual({ '2026-02-14': '春节' });
    expect(result.ok && result.schedule.holidays['2026-10-07']).toBe('国庆节');
  });

  it('reads UTC date-times in China Standard Time', () => {
    const utc = [
      'BEGIN:VEVENT',
      'DTSTART:20260618T160000Z',
      'DTEND:20260621T160000Z',
      'SUMMARY:端午(休)',
      'END:VEVENT',
    ];
    const result = parseIcsYear(calendar(utc), 2026);
    expect(result.ok && Object.keys(result.schedule.holidays)).toEqual(
      expect.arrayContaining(['2026-06-19', '2026-06-20', '2026-06-21']),
    );
    expect(result.ok && result.schedule.holidays['2026-06-22']).toBeUndefined();
  });

  it('names the dates that fail validation', () => {
    const result = parseIcsYear(
      calendar(event('元旦(休)', '20261231', '20270102'), event('国庆节(班)', '20261009', '20261010')),
      2026,
    );
    expect(result.ok ? [] : result.errors).toEqual([
      '2027-01-01 不在 2026 年内（节假日）',
      '2026-10-09（星期五）不是周末，不能作为调休上班日',
    ]);
  });

  it('rejects an event it cannot classify, a bad date and a file that is not a calendar', () => {
    const unmarked = parseIcsYear(calendar(event('春节', '20260215', '20260224')), 2026);
    expect(unmarked.ok ? [] : unmarked.errors).toEqual([
      '第 4 个事件（春节）：无法判断是节假日（休）还是调休上班日（班）',
    ]);
    const badDate = parseIcsYear(calendar(event('春节(休)', '20260230', '20260301')), 2026);
    expect(badDate.ok ? [] : badDate.errors).toEqual(['第 4 个事件（春节(休)）：开始日期 "20260230" 无效']);
    expect(parseIcsYear('hello', 2026)).toEqual({
      ok: false,
      errors: ['不是有效的 iCalendar (.ics) 文件：缺少 BEGIN:VCALENDAR'],
    });
  });

  it('requires the whole year', () => {
    const empty = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    expect(parseIcsYear(empty, 2027)).toEqual({
      ok: false,
      errors: ['2027 年没有任何节假日：必须载入全年的节假日安排'],
    });
  });
});
