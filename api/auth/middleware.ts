import type { Request, RequestHandler } from 'express';
import { findApiTokenForUse, markApiTokenUsed } from '../../store/api-tokens';
import { recordAuthEvent } from '../../store/auth-log';
import type { Db } from '../../store/pool';
import { accessStillValid } from '../../store/users';
import { isRole, type Role } from '../../domain/roles';
import { problems } from '../problem';
import type { RouteRegistry } from '../routing';
import { tokenHash } from './keyed-hash';
import { API_TOKEN_PREFIX } from './opaque-tokens';
import type { Principal, TokenSigner } from './tokens';

/** Methods that change something: checked against the user's current status on every request. */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves `Authorization: Bearer …` into a principal: a signed access token, or an
 * integration token (duban_…). No header: the request goes on anonymous; a header that
 * does not prove anything: 401, except on public routes, which it cannot concern (a client
 * whose access token just expired still calls /api/auth/refresh with it attached). An access
 * token issued before its user was deactivated or had their roles changed no longer writes.
 */
export function authenticate(deps: { signer: TokenSigner; db: Db; routes: RouteRegistry }): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (header === undefined) return next();
    const match = /^Bearer +(\S+)$/i.exec(header);
    const token = match?.[1];
    const principal = !token
      ? undefined
      : token.startsWith(API_TOKEN_PREFIX)
        ? await resolveApiToken(deps.db, token, req)
        : await deps.signer.verifyAccessToken(token);
    const route = deps.routes.match(req.method, req.path);
    if (principal?.via === 'access_token' && WRITES.has(req.method) && route?.spec.auth !== 'public') {
      if (!(await accessStillValid(deps.db, principal.userId, principal.issuedAtMs ?? 0)))
        return next(problems.unauthenticated('您的账号已停用或角色已变更，请重新登录'));
    }
    if (principal) req.principal = principal;
    else if (route?.spec.auth !== 'public') {
      return next(problems.unauthenticated('访问令牌无效、已过期或已撤销，请重新登录'));
    }
    next();
  };
}

async function resolveApiToken(db: Db, token: string, req: Request): Promise<Principal | undefined> {
  const found = await findApiTokenForUse(db, tokenHash(token));
  const event = { ip: req.ip ?? null, requestId: req.id, detail: { method: req.method } };
  if (!found?.usable) {
    await recordAuthEvent(db, {
      kind: 'api_token_rejected',
      tokenId: found?.id,
      userId: found?.user_id,
      procuratorateId: found?.procuratorate_id,
      ...event,
    });
    return undefined;
  }
  await markApiTokenUsed(db, found.id);
  await recordAuthEvent(db, {
    kind: 'api_token_used',
    tokenId: found.id,
    userId: found.user_id,
    procuratorateId: found.procuratorate_id,
    ...event,
  });
  return {
    userId: found.user_id,
    roles: found.roles.filter(isRole) as Role[],
    procuratorateId: found.procuratorate_id,
    via: 'api_token',
    tokenId: found.id,
  };
}

/**
 * Deny by default: an anonymous request passes only to a route declared public. Anonymous
 * requests for paths no route declares get 404, so a route added outside defineRoute is
 * never open to the public.
 */
export function requireAuthentication(registry: RouteRegistry): RequestHandler {
  return (req, _res, next) => {
    if (req.principal) return next();
    if (registry.match(req.method, req.path)?.spec.auth === 'public') return next();
    if (registry.knows(req.path)) return next(problems.unauthenticated());
    next(problems.notFound('没有这个接口'));
  };
}
