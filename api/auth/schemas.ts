import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { queryFlag, resourceId, text, timestamp } from '../validation';
import { storable } from '../../domain/text';

export const loginBody = z.strictObject({
  username: text(100).describe('用户名'),
  password: storable('密码').min(1).max(200),
});

export const refreshBody = z.strictObject({
  refreshToken: storable('登录或上次刷新时得到的刷新令牌').min(20).max(200),
});

export const selfResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  procuratorateId: z.string(),
});

export const meResponse = selfResponse.extend({
  via: z.enum(['access_token', 'api_token']).describe('本次请求所用的令牌类型'),
  tokenId: z.string().nullable().describe('所用集成令牌的 ID'),
});

export const sessionResponse = z.object({
  accessToken: z.string().describe('访问令牌（JWT），放在 Authorization: Bearer 中'),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('访问令牌有效秒数'),
  refreshToken: z.string().describe('刷新令牌：只能用一次，每次刷新得到新的'),
  refreshExpiresIn: z.number().int().describe('刷新令牌有效秒数'),
  user: selfResponse,
});

export const createApiTokenBody = z.strictObject({
  userId: resourceId.optional().describe('令牌代表的人员：只能是本人（可省略）'),
  name: text(100).describe('用途，如“与办案系统对接”'),
  expiresInDays: z.number().int().min(1).max(3650).default(365).describe('有效天数'),
});

export const apiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  prefix: z.string().describe('令牌开头几个字符，用于辨认'),
  createdBy: z.string(),
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export const createdApiTokenResponse = apiTokenResponse.extend({
  token: z.string().describe('令牌全文，只在此时返回一次'),
});

export const listApiTokensQuery = z.strictObject({
  userId: resourceId.optional(),
  includeRevoked: queryFlag.describe('是否包括已撤销的令牌'),
});
