import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hasAnyRole, type Role } from '../../domain/roles';
import { problems } from '../problem';
import type { Principal, TokenSigner } from './tokens';

/** Resolves the bearer token into a principal, or answers 401. */
export function authenticate(signer: TokenSigner): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(problems.unauthenticated('缺少访问令牌（Authorization: Bearer …）'));
    const principal = await signer.verifyAccessToken(match[1]!);
    if (!principal) return next(problems.unauthenticated('访问令牌无效或已过期，请重新登录'));
    req.principal = principal;
    next();
  };
}

/** Lets the request through only for principals holding one of `roles`. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.principal || !hasAnyRole(req.principal.roles, roles)) return next(problems.forbidden());
    next();
  };
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw problems.unauthenticated();
  return req.principal;
}
