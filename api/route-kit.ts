/**
 * The shapes most routers share, built on `defineRoute`: a router that is just its routes, a
 * read that answers with what it loads, a list that presents each row it loads, and writes that
 * create (201) or change (200) a resource and answer with it.
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
import { idParam } from './validation';

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

export type WriteRouteSpec<P extends z.ZodType, B extends z.ZodType> = Shortened<
  Omit<RouteSpec<P, z.ZodType, B>, 'query'>
> & {
  body: B;
  /** The schema of the resource as written, and what the success says. */
  result: { description: string; schema: z.ZodType };
};

interface WriteContext<P, B> {
  req: Request;
  params: P;
  body: B;
  principal: Principal;
}

/**
 * POST route that creates a resource: `create` writes it, the answer is 201 with `present`
 * of it, and a Location header where `locate` says it lives.
 */
export function defineCreateRoute<B extends z.ZodType, Row>(
  target: RouteTarget,
  spec: Omit<WriteRouteSpec<z.ZodType, B>, 'params'>,
  steps: {
    create: (ctx: WriteContext<unknown, z.infer<B>>) => Promise<Row>;
    present: (row: Row) => unknown;
    locate?: (row: Row) => string;
  },
): void {
  defineWrite(target, { method: 'post', status: 201, path: '/' }, spec, { ...steps, write: steps.create });
}

/** PATCH route (default '/:id', with `idParam`) that changes a resource and answers with `present` of it. */
export function defineChangeRoute<B extends z.ZodType, Row, P extends z.ZodType = typeof idParam>(
  target: RouteTarget,
  spec: WriteRouteSpec<P, B>,
  steps: {
    change: (ctx: WriteContext<z.infer<P>, z.infer<B>>) => Promise<Row>;
    present: (row: Row) => unknown;
  },
): void {
  const params = spec.params ?? idParam;
  defineWrite(
    target,
    { method: 'patch', status: 200, path: '/:id' },
    { ...spec, params } as WriteRouteSpec<P, B>,
    {
      ...steps,
      write: steps.change,
    },
  );
}

function defineWrite<P extends z.ZodType, B extends z.ZodType, Row>(
  target: RouteTarget,
  how: { method: 'post' | 'patch'; status: number; path: string },
  spec: WriteRouteSpec<P, B>,
  steps: {
    write: (ctx: WriteContext<z.infer<P>, z.infer<B>>) => Promise<Row>;
    present: (row: Row) => unknown;
    locate?: (row: Row) => string;
  },
): void {
  const { path = how.path, auth = 'user', result, otherResponses, ...rest } = spec;
  defineRoute(
    target,
    { ...rest, method: how.method, path, auth, responses: { [how.status]: result, ...otherResponses } },
    async ({ req, res, params, body, principal }) => {
      const row = await steps.write({ req, params, body, principal });
      if (steps.locate) res.location(steps.locate(row));
      res.status(how.status).json(steps.present(row));
    },
  );
}
