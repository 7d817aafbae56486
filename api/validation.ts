import { z } from 'zod';
import { civilDate, firstUnstorable, resourceId, text as labelledText } from '../domain/text';
import { problems } from './problem';

export { civilDate, resourceId };

/** Parses untrusted input; only the parsed value travels on. Unknown fields are rejected by strict schemas. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = '请求体'): z.infer<S> {
  refuseUnstorable(input, what);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `不允许的字段：${issue.keys.join('、')}` : issue.message,
  }));
  const first = errors[0]!;
  throw problems.validation(`${what}有误：${first.path ? `${first.path} ` : ''}${first.message}`, errors);
}

/**
 * Every field's schema refuses what PostgreSQL cannot store (domain/text.ts); this catches the
 * fields a schema leaves free (a password, an enum's wrong value, a key) before any of them
 * reaches a query, so such input is a 422 naming the field, never a 500.
 */
function refuseUnstorable(input: unknown, what: string): void {
  const path = firstUnstorable(input);
  if (path === undefined) return;
  const message = '含有无法保存的字符（空字符或不成对的代理项）';
  throw problems.validation(`${what}有误：${path} ${message}`, [{ path, message }]);
}

/** Non-empty text after trimming, at most `max` characters, storable (domain/text.ts). */
export const text = (max: number, label = '文本') => labelledText(label, max);

export const idParam = z.strictObject({ id: resourceId });

/** A query flag: ?x=true or ?x=false. */
export const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

/** A timestamp in responses (ISO 8601, UTC). */
/** A telephone number as people write it: digits, spaces and hyphens, an optional leading +. */
export const phoneNumber = z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, '电话号码格式不正确');

export const timestamp = z.string().describe('时间（ISO 8601）');
