import { chineseDate, chineseNumber } from '../../../domain/documents/chinese-date';
import { defaultShortName, formatDocumentNumber, defaultNumbering } from '../../../domain/documents/kinds';
import { periodText } from '../../../domain/documents/content';

describe('the date at the foot of a document (落款)', () => {
  it.each([
    ['2026-12-01', '二〇二六年十二月一日'],
    ['2025-01-10', '二〇二五年一月十日'],
    ['2030-10-31', '二〇三〇年十月三十一日'],
    ['2027-02-20', '二〇二七年二月二十日'],
    ['2026-11-19', '二〇二六年十一月十九日'],
  ])('%s is written %s', (date, written) => {
    expect(chineseDate(date)).toBe(written);
  });

  it('a string that is not a date is refused rather than written wrongly', () => {
    expect(() => chineseDate('2026-1-1')).toThrow(RangeError);
  });
});

describe('numbers in a document', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [30, '三十'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [120, '一百二十'],
  ])('%i is written %s', (n, written) => {
    expect(chineseNumber(n)).toBe(written);
  });

  it('a rectification period reads as the recommendation states it', () => {
    expect(periodText({ unit: 'months', count: 3 })).toBe('三个月');
    expect(periodText({ unit: 'days', count: 45 })).toBe('四十五日');
  });
});

describe('the document number (文号)', () => {
  it('a district procuratorate that set nothing numbers with the first character of its place and 检', () => {
    expect(defaultShortName('浦口区人民检察院')).toBe('浦检');
    expect(defaultShortName('江苏省南京市人民检察院')).toBe('南检');
  });

  it('a recommendation is numbered short name, kind code, year in 〔〕 and its number', () => {
    const settings = defaultNumbering('上海市浦东新区人民检察院');
    expect(formatDocumentNumber(settings, 'recommendation', 2026, 3)).toBe('浦检行公建〔2026〕3号');
    expect(formatDocumentNumber(settings, 'filing_decision', 2026, 1)).toBe('浦检行公立〔2026〕1号');
  });

  it.each([
    ['investigation_report', '浦检公调终〔2026〕1号'],
    ['review_report', '浦检公审终〔2026〕1号'],
    ['administrative_complaint', '浦检行公诉〔2026〕1号'],
    ['civil_complaint', '浦检民公诉〔2026〕1号'],
    ['support_opinion', '浦检民公支〔2026〕1号'],
    ['suit_withdrawal_decision', '浦检公撤诉〔2026〕1号'],
    ['support_withdrawal_decision', '浦检民公撤支〔2026〕1号'],
    ['court_appearance_notice', '浦检公出庭〔2026〕1号'],
  ] as const)('%s is numbered with its own code: %s', (kind, number) => {
    expect(formatDocumentNumber(defaultNumbering('浦口区人民检察院'), kind, 2026, 1)).toBe(number);
  });

  it('every kind has a code of its own, so no two kinds share a counter in the number', () => {
    const codes = Object.values(defaultNumbering('浦口区人民检察院').kindCodes);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
