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
