import type { Request, Router } from 'express';
import type { z } from 'zod';
import { insertApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from '../../store/api-tokens';
import { recordAuthEvent } from '../../store/auth-log';
import type { Db } from '../../store/pool';
import { findUser } from '../../store/users';
import { problems } from '../problem';
import { defineCreateRoute, defineListRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { idParam } from '../validation';
import { origin } from './routes';
import { tokenHash } from './keyed-hash';
import { newApiToken, newId } from './opaque-tokens';
import { apiTokenResponse, createApiTokenBody, createdApiTokenResponse, listApiTokensQuery } from './schemas';
import type { Principal } from './tokens';

const TAG = '集成令牌';
const SIGNED_IN = { tag: TAG, auth: 'user' } as const;

type CreateApiTokenBody = z.infer<typeof createApiTokenBody>;

/**
 * Long-lived tokens for integrations. A person issues tokens for themselves only, signed in (an
 * admin cannot mint a token that acts as someone else); admins see and revoke every token of
 * their procuratorate, everyone else their own.
 */
export function apiTokenRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/auth/tokens', deps, [issueRoute, listRoute, revokeRoute]);
}

function issueRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineCreateRoute(
    target,
    {
      ...SIGNED_IN,
      summary: '为本人签发集成令牌',
      description:
        '须本人登录后签发，只能为本人签发（管理员也不能为他人签发）。令牌全文只在响应中出现一次，系统只保存其摘要。令牌以本人当前的角色行事；立案、检察建议、起诉、终结、中止、恢复和延长期限等决定不能使用令牌作出。',
      idempotent: false,
      body: createApiTokenBody,
      result: { description: '已签发', schema: createdApiTokenResponse },
    },
    {
      create: ({ req, body, principal }) => issueToken(db, { req, body, principal }),
      present: ({ row, token }) => ({ ...presentToken(row), token }),
    },
  );
}

async function issueToken(
  db: Db,
  { req, body, principal }: { req: Request; body: CreateApiTokenBody; principal: Principal },
): Promise<{ row: ApiTokenRow; token: string }> {
  interactiveOnly(principal);
  if (body.userId !== undefined && body.userId !== principal.userId)
    throw problems.forbidden('集成令牌只能由其代表的人员本人签发，管理员也不能为他人签发');
  const user = await findUser(db, principal.userId);
  if (!user || !user.active) throw problems.forbidden('账号已停用');
  const { token, prefix } = newApiToken();
  const row = await insertApiToken(db, {
    id: newId('tok'),
    procuratorateId: principal.procuratorateId,
    userId: user.id,
    name: body.name,
    tokenHash: tokenHash(token),
    prefix,
    createdBy: principal.userId,
    expiresInDays: body.expiresInDays,
  });
  await recordAuthEvent(db, {
    kind: 'api_token_issued',
    ...auditOf(row, principal),
    ip: origin(req).ip,
    requestId: req.id,
  });
  return { row, token };
}

function listRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineListRoute(
    target,
    {
      ...SIGNED_IN,
      summary: '集成令牌（管理员：本院全部；其他人员：本人的）',
      query: listApiTokensQuery,
      item: apiTokenResponse,
      listed: '令牌列表（不含令牌全文）',
    },
    ({ query, principal }) =>
      listApiTokens(
        db,
        principal.procuratorateId,
        isAdmin(principal) ? query : { ...query, userId: principal.userId },
      ),
    presentToken,
  );
}

function revokeRoute(target: RouteTarget, deps: { db: Db }): void {
  const { db } = deps;
  defineRoute(
    target,
    {
      method: 'delete',
      path: '/:id',
      ...SIGNED_IN,
      summary: '撤销集成令牌（管理员：本院任一；其他人员：本人的）',
      params: idParam,
      responses: { 204: { description: '已撤销（重复撤销亦然）' }, 404: { description: '本院无此令牌' } },
    },
    async ({ req, res, params, principal }) => {
      interactiveOnly(principal);
      const row = await revokeApiToken(db, {
        id: params.id,
        procuratorateId: principal.procuratorateId,
        ownerId: isAdmin(principal) ? undefined : principal.userId,
        by: principal.userId,
      });
      if (!row) throw problems.notFound('没有这个令牌');
      await recordAuthEvent(db, {
        kind: 'api_token_revoked',
        ...auditOf(row, principal),
        ip: origin(req).ip,
        requestId: req.id,
      });
      res.status(204).end();
    },
  );
}

const isAdmin = (principal: Principal) => principal.roles.includes('admin');

/** An integration token must not mint or revoke tokens: only a signed-in person may. */
function interactiveOnly(principal: Principal): void {
  if (principal.via !== 'access_token') throw problems.forbidden('集成令牌不能管理令牌，请登录后操作');
}

function auditOf(row: ApiTokenRow, principal: Principal) {
  return {
    tokenId: row.id,
    userId: row.user_id,
    procuratorateId: row.procuratorate_id,
    actorId: principal.userId,
  };
}

function presentToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
