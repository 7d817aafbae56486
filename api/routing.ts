/**
 * Routes are declared once, as data: the same declaration validates the request, checks the
 * caller's role and produces the route's entry in the OpenAPI document.
 */
import type { Request, Response, Router } from 'express';
import { type z } from 'zod';
import { hasAnyRole, type Role } from '../domain/roles';
import type { Principal } from './auth/tokens';
import { problems } from './problem';
import { parseInput } from './validation';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json (application/problem+json for 4xx/5xx). */
  contentType?: string;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: HttpMethod;
  /** Express path relative to the router's mount point, e.g. '/:id/timeline'. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** 'public' needs no account; otherwise a signed-in user holding one of `roles` (any role when omitted). */
  auth: 'public' | 'user';
  roles?: readonly Role[];
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
}

export interface RouteContext<P, Q, B> {
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
  principal: Principal;
}

export interface RegisteredRoute {
  spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>;
  fullPath: string;
}

/** Collects every declared route, for the OpenAPI document. */
export class RouteRegistry {
  readonly routes: RegisteredRoute[] = [];
}

/** Declares a route on `router` (mounted at `mountPath`) and records it in `registry`. */
export function defineRoute<
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
>(
  target: { router: Router; registry: RouteRegistry; mountPath: string },
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<void>,
): void {
  target.registry.routes.push({
    spec: spec as unknown as RouteSpec<z.ZodType, z.ZodType, z.ZodType>,
    fullPath: target.mountPath + (spec.path === '/' ? '' : spec.path),
  });
  target.router[spec.method](spec.path, async (req: Request, res: Response) => {
    const principal = authorise(req, spec);
    const params = spec.params ? parseInput(spec.params, req.params, '路径参数') : {};
    const query = spec.query ? parseInput(spec.query, req.query, '查询参数') : {};
    const body = spec.body ? parseInput(spec.body, req.body ?? {}, '请求体') : undefined;
    await handler({ req, res, params, query, body, principal } as RouteContext<
      z.infer<P>,
      z.infer<Q>,
      z.infer<B>
    >);
  });
}

function authorise(req: Request, spec: { auth: 'public' | 'user'; roles?: readonly Role[] }): Principal {
  if (spec.auth === 'public')
    return req.principal ?? { userId: '', roles: [], procuratorateId: '', via: 'access_token' };
  if (!req.principal) throw problems.unauthenticated();
  if (spec.roles && !hasAnyRole(req.principal.roles, spec.roles)) throw problems.forbidden();
  return req.principal;
}
