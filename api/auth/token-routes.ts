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
const ADMIN = { tag: TAG, auth: 'user', roles: ['admin'] } as const;

type CreateApiTokenBody = z.infer<typeof createApiTokenBody>;

/** Long-lived tokens for integrations, managed by the procuratorate's admins. */
export function apiTokenRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/auth/tokens', deps, [issueRoute, listRoute, revokeRoute]);
}

function issueRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineCreateRoute(
    target,
    {
      ...ADMIN,
      summary: '为本院用户签发集成令牌',
      description: '令牌全文只在响应中出现一次，系统只保存其摘要。令牌以该用户当前的角色行事。',
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
  const user = await findUser(db, body.userId);
  if (!user || user.procuratorate_id !== principal.procuratorateId || !user.active) {
    throw problems.validation('用户不是本院在职人员', [{ path: 'userId', message: '不是本院在职人员' }]);
  }
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
      ...ADMIN,
      summary: '本院的集成令牌',
      query: listApiTokensQuery,
      item: apiTokenResponse,
      listed: '令牌列表（不含令牌全文）',
    },
    ({ query, principal }) => listApiTokens(db, principal.procuratorateId, query),
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
      ...ADMIN,
      summary: '撤销集成令牌',
      params: idParam,
      responses: { 204: { description: '已撤销（重复撤销亦然）' }, 404: { description: '本院无此令牌' } },
    },
    async ({ req, res, params, principal }) => {
      interactiveOnly(principal);
      const row = await revokeApiToken(db, {
        id: params.id,
        procuratorateId: principal.procuratorateId,
        by: principal.userId,
      });
      if (!row) throw problems.notFound('本院没有这个令牌');
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

/** An integration token must not mint or revoke tokens: only a signed-in admin may. */
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
