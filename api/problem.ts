/** An HTTP problem (RFC 9457) with a stable type and a message a prosecutor understands. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }
}

export const problems = {
  badRequest: (detail: string, extra?: Record<string, unknown>) =>
    new Problem(400, 'bad-request', '请求格式错误', detail, extra),
  validation: (detail: string, errors: { path: string; message: string }[]) =>
    new Problem(422, 'validation-failed', '输入内容有误', detail, { errors }),
  unauthenticated: (detail = '请先登录') => new Problem(401, 'unauthenticated', '未登录或登录已失效', detail),
  forbidden: (detail = '您的角色无权执行此操作') => new Problem(403, 'forbidden', '无权操作', detail),
  notFound: (detail = '请求的资源不存在') => new Problem(404, 'not-found', '未找到', detail),
  methodNotAllowed: (allowed: string[]) =>
    new Problem(
      405,
      'method-not-allowed',
      '不支持的请求方法',
      `此接口只支持 ${allowed.join('、')}`,
      { allowed },
      { Allow: allowed.join(', ') },
    ),
  conflict: (type: string, detail: string, extra?: Record<string, unknown>) =>
    new Problem(409, type, '与当前状态冲突', detail, extra),
  payloadTooLarge: (detail = '请求体超过大小限制') =>
    new Problem(413, 'payload-too-large', '请求体过大', detail),
  unsupportedMediaType: (detail = '请求体须为 JSON（Content-Type: application/json）') =>
    new Problem(415, 'unsupported-media-type', '不支持的内容类型', detail),
  tooManyRequests: (detail: string, retryAfterSeconds: number) =>
    new Problem(
      429,
      'too-many-requests',
      '请求过于频繁',
      detail,
      { retryAfter: retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  unavailable: (detail: string, retryAfterSeconds?: number) =>
    new Problem(
      503,
      'service-unavailable',
      '服务暂不可用',
      detail,
      {},
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
    ),
  internal: () => new Problem(500, 'internal', '服务器内部错误', '服务器内部错误，请稍后重试或联系管理员'),
};
