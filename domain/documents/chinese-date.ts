/**
 * Dates as official documents write them (落款): the year digit by digit with 〇, month and day
 * as Chinese numbers — 2026-12-01 → 二〇二六年十二月一日 (《党政机关公文格式》 7.3.5.1).
 */
import type { CivilDate } from '../period/dates';

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 0..999 as Chinese numerals are read: 十, 十一, 二十一, 一百, 一百零五, 一百二十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`not a number from 0 to 999: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
  }
  const rest = n % 100;
  const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds}零${DIGITS[rest]}`;
  return `${hundreds}${rest < 20 ? '一' : ''}${chineseNumber(rest)}`;
}

export function chineseDate(date: CivilDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a civil date: ${date}`);
  const [, y, m, d] = match;
  const year = [...y!].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}
