/**
 * The shapes most routers share, built on `defineRoute`: a router that is just its routes, a
 * read that answers with what it loads, a list that presents each row it loads, and a create
 * that answers 201 with the new resource.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Principal } from './auth/tokens';
import {
  defineRoute,
  type ResponseSpec,
  type RouteRegistry,
  type RouteSpec,
  type RouteTarget,
} from './routing';

/** Declares one route on the router it is given, with the router's dependencies. */
export type RouteDeclaration<D> = (target: RouteTarget, deps: D) => void;

/** A router mounted at `mountPath` that holds `routes`, each declared with `deps`. */
export function routerOf<D>(
  registry: RouteRegistry,
  mountPath: string,
  deps: D,
  routes: readonly RouteDeclaration<D>[],
): Router {
  const router = Router();
  const target = { router, registry, mountPath };
  for (const declare of routes) declare(target, deps);
  return router;
}

type Shortened<S> = Omit<S, 'method' | 'path' | 'auth' | 'responses'> & {
  /** Default '/'. */
  path?: string;
  /** Default 'user'. */
  auth?: 'public' | 'user';
  /** Responses other than the success, e.g. 404 or 422. */
  otherResponses?: Record<number, ResponseSpec>;
};

export type ReadRouteSpec<P extends z.ZodType, Q extends z.ZodType> = Shortened<
  Omit<RouteSpec<P, Q, z.ZodType>, 'body' | 'bodyLimit' | 'idempotent'>
> & {
  /** The schema of the answer and what it is. */
  answer: { description: string; schema: z.ZodType };
};

/** GET route whose answer is what `load` returns. */
export function defineReadRoute<P extends z.ZodType, Q extends z.ZodType>(
  target: RouteTarget,
  spec: ReadRouteSpec<P, Q>,
  load: (ctx: { params: z.infer<P>; query: z.infer<Q>; principal: Principal }) => Promise<unknown>,
): void {
  const { path = '/', auth = 'user', answer, otherResponses, ...rest } = spec;
  defineRoute(
    target,
    { ...rest, method: 'get', path, auth, responses: { 200: answer, ...otherResponses } },
    async ({ res, params, query, principal }) => {
      res.json(await load({ params, query, principal }));
    },
  );
}

export type ListRouteSpec<Q extends z.ZodType> = Omit<ReadRouteSpec<z.ZodType, Q>, 'params' | 'answer'> & {
  /** The schema of one presented item. */
  item: z.ZodType;
  /** What the answer lists. */
  listed: string;
  /** `items`: answer `{ items: [...] }`; otherwise the bare array. */
  envelope?: 'items';
};

/** GET route whose answer is the rows `load` returns, each passed through `present`. */
export function defineListRoute<Q extends z.ZodType, Row>(
  target: RouteTarget,
  spec: ListRouteSpec<Q>,
  load: (ctx: { query: z.infer<Q>; principal: Principal }) => Promise<readonly Row[]>,
  present: (row: Row) => unknown,
): void {
  const { item, listed, envelope, ...rest } = spec;
  const schema = envelope ? z.object({ items: z.array(item) }) : z.array(item);
  defineReadRoute(target, { ...rest, answer: { description: listed, schema } }, async (ctx) => {
    const items = (await load(ctx)).map((row) => present(row));
    return envelope ? { items } : items;
  });
}

export type CreateRouteSpec<B extends z.ZodType> = Shortened<
  Omit<RouteSpec<z.ZodType, z.ZodType, B>, 'params' | 'query'>
> & {
  body: B;
  /** The schema of the created resource and what the 201 says. */
  created: { description: string; schema: z.ZodType };
};

/**
 * POST route that creates a resource: `create` writes it, the answer is 201 with `present`
 * of it, and a Location header where `locate` says it lives.
 */
export function defineCreateRoute<B extends z.ZodType, Row>(
  target: RouteTarget,
  spec: CreateRouteSpec<B>,
  steps: {
    create: (ctx: { req: Request; body: z.infer<B>; principal: Principal }) => Promise<Row>;
    present: (row: Row) => unknown;
    locate?: (row: Row) => string;
  },
): void {
  const { path = '/', auth = 'user', created, otherResponses, ...rest } = spec;
  defineRoute(
    target,
    { ...rest, method: 'post', path, auth, responses: { 201: created, ...otherResponses } },
    async ({ req, res, body, principal }) => {
      const row = await steps.create({ req, body, principal });
      if (steps.locate) res.location(steps.locate(row));
      res.status(201).json(steps.present(row));
    },
  );
}
