import { z } from 'zod';
import { problems } from './problem';

z.config(z.locales.zhCN());

/** Parses untrusted input; only the parsed value travels on. Unknown fields are rejected by strict schemas. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = '请求体'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `不允许的字段：${issue.keys.join('、')}` : issue.message,
  }));
  const first = errors[0]!;
  throw problems.validation(`${what}有误：${first.path ? `${first.path} ` : ''}${first.message}`, errors);
}

/** A civil date that exists on the calendar (2026-02-30 does not). */
export const civilDate = z.iso.date().describe('公历日期 YYYY-MM-DD');

/** Non-empty text after trimming, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** An identifier of a stored record (user, organ, token, lead …). */
export const resourceId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '标识符格式不正确');

export const idParam = z.strictObject({ id: resourceId });

/** A query flag: ?x=true or ?x=false. */
export const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

/** A timestamp in responses (ISO 8601, UTC). */
export const timestamp = z.string().describe('时间（ISO 8601）');
