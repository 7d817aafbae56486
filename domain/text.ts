/**
 * What text the system accepts, in one place: every free-text field, identifier and parameter
 * is built here. PostgreSQL cannot store NUL (U+0000) and a lone surrogate is not Unicode; either
 * one reaching the database fails the write, so both are refused at the edge, naming the field.
 */
import { z } from 'zod';

// Messages a prosecutor reads, in the API and in the workflow's validators alike.
z.config(z.locales.zhCN());

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store the string as text and it is well-formed Unicode. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** Any string that can be stored, with a message naming `label` when it cannot. */
export const storable = (label: string) =>
  z
    .string()
    .refine(isStorableText, { message: `${label}含有无法保存的字符（空字符或不成对的代理项）`, abort: true })
    .describe(label);

/** Free text: trimmed, at least one character, at most `max`. */
export const text = (label: string, max: number) =>
  storable(label).trim().min(1, `请填写${label}`).max(max, `${label}过长（最多 ${max} 字）`).describe(label);

/** Text that may be left empty (trimmed, at most `max`). */
export const optionalText = (label: string, max: number) =>
  storable(label).trim().max(max, `${label}过长（最多 ${max} 字）`).describe(label);

/** A reference to a record (organ, user, recommendation, clock): short, storable, non-empty. */
export const identifier = (label: string) => text(label, 100);

/** An identifier of a stored record (user, organ, token, lead …) in a URL or a form. */
export const resourceId = storable('标识符').regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '标识符格式不正确');

/**
 * A civil date that exists on the calendar (2026-02-30 does not), YYYY-MM-DD in Asia/Shanghai.
 * Built from the class rather than `z.iso.date()`: in the workflow bundle that namespace resolves
 * to `z.date()` (a Date object), which would refuse every date.
 */
export const civilDate = new z.ZodISODate({
  type: 'string',
  format: 'date',
  check: 'string_format',
}).describe('公历日期 YYYY-MM-DD');

/** The path of the first string (value or key) inside `value` that cannot be stored, if any. */
export function firstUnstorable(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path || '（值）';
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (!isStorableText(key)) return at;
    const bad = firstUnstorable(item, at);
    if (bad !== undefined) return bad;
  }
  return undefined;
}
