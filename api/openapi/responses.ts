import type { ResponseSpec, RouteSpec } from '../routing';
import type { z } from 'zod';

/** The error answers every route of a kind can give, whether or not its declaration lists them. */
export function standardResponses(
  spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>,
  idempotent: boolean,
): Record<number, ResponseSpec> {
  const out: Record<number, ResponseSpec> = { 500: { description: '服务器内部错误' } };
  if (spec.auth === 'user') out[401] = { description: '未登录、令牌无效、过期或已撤销' };
  if (spec.auth === 'user' && spec.roles) out[403] = { description: spec.refusal ?? '角色无权调用' };
  if (spec.params || spec.query || spec.body) out[422] = { description: '输入内容有误' };
  if (spec.body) {
    out[400] = { description: '请求体不是合法的 JSON' };
    out[413] = { description: '请求体过大' };
    out[415] = { description: '请求体不是 JSON' };
  }
  if (idempotent) {
    out[409] = { description: '同一 Idempotency-Key 的请求正在处理' };
    out[422] = { description: '输入内容有误，或 Idempotency-Key 已用于不同的请求' };
    out[400] ??= { description: 'Idempotency-Key 格式不正确' };
  }
  if (spec.auth === 'user' && spec.path.includes(':')) out[404] = { description: '本院没有这个资源' };
  return out;
}
