/**
 * Routes are declared once, as data: the same declaration validates the request, checks the
 * caller's role, honours an Idempotency-Key on POST and produces the route's entry in the
 * OpenAPI document. Every route of the API goes through `defineRoute`; a test fails on any
 * Express route that did not.
 */
import express, { type IRouter, type Request, type RequestHandler, type Response } from 'express';
import { type z } from 'zod';
import { hasAnyRole, onlyReads, READ_ONLY_REFUSAL, type Role } from '../domain/roles';
import type { Principal } from './auth/tokens';
import type { Idempotency } from './idempotency';
import { problems } from './problem';
import { parseInput } from './validation';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json (application/problem+json for 4xx/5xx). */
  contentType?: string;
  /** Other representations of the same response (e.g. text/csv under ?format=csv). */
  alsoAs?: string[];
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
  /** The 403's detail for a caller without one of `roles`, naming the role needed. */
  refusal?: string;
  params?: P;
  query?: Q;
  /** Request headers the route reads, for the OpenAPI document (the handler checks them). */
  headers?: readonly { name: string; description: string; required: boolean }[];
  body?: B;
  /**
   * The body is a file the handler streams itself (`req` is left unread): documented as this
   * content type; no JSON is parsed. Not together with `body`.
   */
  rawBody?: { contentType: string; description: string };
  /** Largest JSON body accepted, e.g. '9mb'; default 256kb. */
  bodyLimit?: string;
  /**
   * Runs before the body is read: a refusal (a thrown Problem) costs the server no parsing,
   * e.g. a rate limit on a route that takes megabytes.
   */
  beforeBody?: (req: Request) => Promise<void>;
  /**
   * POST only: a repeated Idempotency-Key returns the first response (default true). Turn it
   * off only where the response carries a secret that must not be stored (tokens).
   */
  idempotent?: boolean;
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
  pattern: RegExp;
}

/** What every declared route shares, handed over once by the app. */
export interface RouteServices {
  idempotency?: Idempotency;
}

/** Collects every declared route, for the OpenAPI document, authentication and body limits. */
export class RouteRegistry {
  readonly routes: RegisteredRoute[] = [];
  constructor(readonly services: RouteServices = {}) {}

  /** The declared route a request for `method` and `path` reaches, if any. */
  match(method: string, path: string): RegisteredRoute | undefined {
    const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    return this.routes.find((r) => r.spec.method === m && r.pattern.test(path));
  }

  /** Whether `path` is declared for some method. */
  knows(path: string): boolean {
    return this.routes.some((r) => r.pattern.test(path));
  }

  /** The methods declared for `path` (GET implies HEAD), upper case, for an Allow header. */
  methodsOf(path: string): string[] {
    const methods = this.routes.filter((r) => r.pattern.test(path)).map((r) => r.spec.method.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    return [...new Set(methods)];
  }
}

/** 405 with an Allow header for a declared path asked with a method it does not have. */
export function methodNotAllowed(registry: RouteRegistry): RequestHandler {
  return (req, _res, next) => {
    // A declared method goes on at once: listing every method of the path tests every route's pattern.
    if (registry.match(req.method, req.path)) return next();
    const allowed = registry.methodsOf(req.path);
    if (allowed.length === 0 || allowed.includes(req.method.toUpperCase())) return next();
    next(problems.methodNotAllowed(allowed));
  };
}

/** Where a route goes: a router (or the app), the registry, and the path the router is mounted at. */
export interface RouteTarget {
  router: Pick<IRouter, HttpMethod>;
  registry: RouteRegistry;
  mountPath: string;
}

/** Handlers created by defineRoute, so a test can tell a declared route from a stray one. */
export const declaredHandlers = new WeakSet<RequestHandler>();

export const DEFAULT_BODY_LIMIT = '256kb';
const JSON_TYPES = ['application/json', 'application/*+json'];

/** Declares a route on `router` (mounted at `mountPath`) and records it in `registry`. */
export function defineRoute<
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
>(
  target: RouteTarget,
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<void>,
): void {
  const fullPath = target.mountPath + (spec.path === '/' ? '' : spec.path);
  target.registry.routes.push({
    spec: spec as unknown as RouteSpec<z.ZodType, z.ZodType, z.ZodType>,
    fullPath,
    pattern: pathPattern(fullPath),
  });
  const idempotency = spec.method === 'post' && spec.idempotent !== false;
  const handle: RequestHandler = async (req, res) => {
    const principal = authorise(req, spec);
    const params = spec.params ? parseInput(spec.params, req.params, '路径参数') : {};
    const query = spec.query ? parseInput(spec.query, req.query, '查询参数') : {};
    const body = spec.rawBody ? undefined : parseBody(req, spec.body);
    const run = () =>
      handler({ req, res, params, query, body, principal } as RouteContext<
        z.infer<P>,
        z.infer<Q>,
        z.infer<B>
      >);
    const store = target.registry.services.idempotency;
    if (idempotency && store) await store.run(req, res, req.principal, run);
    else await run();
  };
  declaredHandlers.add(handle);
  target.router[spec.method](spec.path, handle);
}

function parseBody(req: Request, schema: z.ZodType | undefined): unknown {
  if (!schema) {
    const given = req.body as unknown;
    if (given && typeof given === 'object' && Object.keys(given).length > 0) {
      throw problems.validation('此接口不接受请求体', [{ path: '', message: '不接受请求体' }]);
    }
    return undefined;
  }
  if (req.is(JSON_TYPES) === false) throw problems.unsupportedMediaType();
  return parseInput(schema, req.body ?? {}, '请求体');
}

function authorise(
  req: Request,
  spec: { auth: 'public' | 'user'; roles?: readonly Role[]; refusal?: string },
): Principal {
  if (spec.auth === 'public')
    return req.principal ?? { userId: '', roles: [], procuratorateId: '', via: 'access_token' };
  if (!req.principal) throw problems.unauthenticated();
  if (spec.roles && !hasAnyRole(req.principal.roles, spec.roles))
    throw problems.forbidden(onlyReads(req.principal.roles) ? READ_ONLY_REFUSAL : spec.refusal);
  return req.principal;
}

/** An Express path ('/api/cases/:id') as the pattern Express itself matches (case-insensitive, optional trailing slash). */
export function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

/**
 * Parses JSON bodies with the limit of the route they are for, so one route (the public
 * intake form with its attachments) can accept more than the default.
 */
export function jsonBodies(registry: RouteRegistry): RequestHandler {
  const parsers = new Map<string, RequestHandler>();
  const parserFor = (limit: string) => {
    let parser = parsers.get(limit);
    if (!parser) parsers.set(limit, (parser = express.json({ limit, type: JSON_TYPES })));
    return parser;
  };
  return (req, res, next) => {
    const spec = registry.match(req.method, req.path)?.spec;
    if (spec?.rawBody) return next();
    const parse = () => parserFor(spec?.bodyLimit ?? DEFAULT_BODY_LIMIT)(req, res, next);
    if (!spec?.beforeBody) return parse();
    spec.beforeBody(req).then(parse, next);
  };
}
