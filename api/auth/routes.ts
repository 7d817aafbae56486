import type { Request, Router } from 'express';
import { findUser } from '../../store/users';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { loginBody, meResponse, refreshBody, sessionResponse } from './schemas';
import { login, logout, presentSelf, refresh, type Origin, type SessionDeps } from './sessions';

const TAG = '认证';
// Signing in and out must work without a session; every one of these answers carries a secret.
const SESSION = { tag: TAG, auth: 'public', idempotent: false } as const;

/** Signing in, refreshing, signing out, and who am I. */
export function authRoutes(deps: SessionDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/auth', deps, [loginRoute, refreshRoute, logoutRoute, meRoute]);
}

function loginRoute(target: RouteTarget, deps: SessionDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/login',
      ...SESSION,
      summary: '登录',
      description:
        '同一地址对同一账号 15 分钟内失败 5 次、同一地址 15 分钟内失败 20 次，或同一账号 1 小时内从未登录过的地址失败 20 次后，暂停相应的登录（429，见 Retry-After）；账号 30 天内成功登录过的地址不受最后一项限制。',
      body: loginBody,
      responses: {
        200: { description: '已登录', schema: sessionResponse },
        401: { description: '用户名或密码错误' },
        429: { description: '失败次数过多，稍后再试' },
        503: { description: '同时登录的请求过多，稍后再试' },
      },
    },
    async ({ req, res, body }) => {
      res.json(await login(deps, body, origin(req)));
    },
  );
}

function refreshRoute(target: RouteTarget, deps: SessionDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/refresh',
      ...SESSION,
      summary: '刷新访问令牌',
      description: '刷新令牌只能使用一次；再次使用已用过的刷新令牌会使该次登录的全部令牌失效。',
      body: refreshBody,
      responses: {
        200: { description: '新的访问令牌和刷新令牌', schema: sessionResponse },
        401: { description: '刷新令牌无效、过期或已被使用' },
      },
    },
    async ({ req, res, body }) => {
      res.json(await refresh(deps, body.refreshToken, origin(req)));
    },
  );
}

function logoutRoute(target: RouteTarget, deps: SessionDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/logout',
      ...SESSION,
      summary: '退出登录',
      description: '使该刷新令牌所属登录的全部刷新令牌失效；已签发的访问令牌在到期（15 分钟）前仍有效。',
      body: refreshBody,
      responses: { 204: { description: '已退出' } },
    },
    async ({ req, res, body }) => {
      await logout(deps, body.refreshToken, origin(req));
      res.status(204).end();
    },
  );
}

function meRoute(target: RouteTarget, deps: SessionDeps): void {
  defineReadRoute(
    target,
    { tag: TAG, path: '/me', summary: '当前用户', answer: { description: '当前用户', schema: meResponse } },
    async ({ principal }) => {
      const user = await findUser(deps.db, principal.userId);
      if (!user) throw problems.unauthenticated();
      return {
        ...presentSelf(user, principal.roles),
        via: principal.via,
        tokenId: principal.tokenId ?? null,
      };
    },
  );
}

export function origin(req: Request): Origin {
  return { ip: req.ip ?? '', requestId: req.id };
}
