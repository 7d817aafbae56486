/** Dates as the law and the staff write them: 2026年10月8日, counted in Asia/Shanghai. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** 2026-10-08 → 2026年10月8日; '' for nothing. */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A timestamp as 2026年11月28日 14:05 (Beijing time). */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${chineseDate(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour')}:${get('minute')}`;
}

/** Every YYYY-MM-DD inside a sentence (the server's explanations) written the Chinese way. */
export function chineseDatesIn(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_all, y: string, m: string, d: string) =>
    chineseDate(`${y}-${m}-${d}`),
  );
}

/** Today's civil date in Asia/Shanghai, YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** Whole days from `from` to `to` (civil dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type Urgency = 'overdue' | 'soon' | 'later' | 'none';

export interface Countdown {
  text: string;
  urgency: Urgency;
}

/** A due date as the prosecutor needs to read it: how much time is left. */
export function countdown(due: string | null | undefined, overdue = false, now = today()): Countdown {
  if (!due) return { text: '无进行中的期限', urgency: 'none' };
  const left = daysBetween(now, due);
  if (overdue || left < 0) return { text: `已逾期 ${Math.max(-left, 1)} 天`, urgency: 'overdue' };
  if (left === 0) return { text: '今日届满', urgency: 'soon' };
  return { text: `还剩 ${left} 天`, urgency: left <= 7 ? 'soon' : 'later' };
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

const LOOSE_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date as people type it in China — 2026-01-01, 2026/1/1, 2026.1.1 or 2026年1月1日 — as an
 * ISO civil date; null when it is not one (a 2月30日 included).
 */
export function parseDateInput(text: string): string | null {
  const m = LOOSE_DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
