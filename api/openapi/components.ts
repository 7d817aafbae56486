import { IDEMPOTENCY_HEADER } from '../idempotency';

export const DOCUMENT_INFO = {
  title: '督办 API',
  version: '1',
  description: [
    '公益诉讼案件跟进监督系统的接口。浏览版参考文档见 /api/docs。',
    '',
    '**认证**：`POST /api/auth/login` 得到访问令牌（15 分钟）与刷新令牌；请求时带 `Authorization: Bearer <访问令牌>`。',
    '集成系统使用管理员签发的集成令牌（`duban_…`），同样放在 `Authorization: Bearer` 中。',
    '',
    '**错误**：一律为 `application/problem+json`，`type` 稳定、`detail` 为中文说明；',
    '输入校验失败为 422，并在 `errors` 中逐项列出字段。请求体中的未知字段一律拒绝。',
    '',
    `**幂等**：所有 POST（登录、刷新、退出与签发令牌除外）接受可选的 \`${IDEMPOTENCY_HEADER}\` 头。`,
    '同一用户以同一键重复同一请求，返回第一次的响应而不重复执行（响应带 `Idempotent-Replayed: true`）；',
    '同一键用于不同请求为 422；第一次仍在处理时为 409。键保留 24 小时。',
    '',
    '**权限**：每个操作的 `x-duban-roles` 列出可调用的角色；其他检察院的资源一律视为不存在（404）。',
  ].join('\n'),
};

export const TAG_DESCRIPTIONS: Record<string, string> = {
  认证: '登录、刷新、退出、当前用户',
  集成令牌: '供其他系统调用的长期令牌，由管理员签发和撤销',
  用户: '本院用户与角色（管理员）',
  行政机关: '行政机关名录',
  '群众线索（公开）': '群众反映公益诉讼线索，无需登录',
  '群众线索（办案）': '群众反映线索的评估队列',
  运维: '健康检查与指标',
  文档: '本文档',
};

export const COMPONENTS = {
  securitySchemes: {
    accessToken: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: '登录得到的访问令牌（15 分钟有效），用刷新令牌续期',
    },
    apiToken: {
      type: 'http',
      scheme: 'bearer',
      description: '管理员签发的集成令牌，形如 duban_…，以其所属用户当前的角色行事',
    },
  },
  parameters: {
    IdempotencyKey: {
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: false,
      description: '可选。1 至 255 个可见 ASCII 字符，建议用 UUID。重复请求返回第一次的响应。',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    },
  },
  headers: {
    RetryAfter: { description: '多少秒后可以重试', schema: { type: 'integer', minimum: 1 } },
  },
  schemas: {
    Problem: {
      type: 'object',
      description: 'RFC 9457 问题详情',
      required: ['type', 'title', 'status', 'detail'],
      properties: {
        type: { type: 'string', description: '稳定的错误类型，如 /problems/validation-failed' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string', description: '中文说明' },
        instance: { type: 'string' },
        errors: {
          type: 'array',
          description: '输入校验失败时逐项列出',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
        retryAfter: { type: 'integer', description: '429 时：多少秒后可以重试' },
      },
    },
  },
};
