import type { Express } from 'express';
import { declaredHandlers } from '../../../api/routing';
import { openApiDocument } from '../../../api/openapi/document';
import { stubApp } from './app-stub';

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

/** Every Express route of the app, however deeply mounted. */
function expressRoutes(app: Express): { path: string; top: boolean; methods: string[]; declared: boolean }[] {
  const found: { path: string; top: boolean; methods: string[]; declared: boolean }[] = [];
  const walk = (stack: Layer[], top: boolean) => {
    for (const layer of stack) {
      if (layer.route) {
        found.push({
          path: layer.route.path,
          top,
          methods: Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]),
          declared: layer.route.stack.some((l) => declaredHandlers.has(l.handle as never)),
        });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, false);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, true);
  return found;
}

describe('route coverage', () => {
  const { app, routes } = stubApp();

  it('when the app is built, then every Express route was declared through defineRoute', () => {
    const stray = expressRoutes(app).filter((r) => !r.declared);
    expect(stray).toEqual([]);
  });

  it('when the app is built, then the registry holds exactly the Express routes, one method each', () => {
    const all = expressRoutes(app);
    expect(all.every((r) => r.methods.length === 1)).toBe(true);
    expect(all).toHaveLength(routes.routes.length);
  });

  it('when a route is declared on the app itself, then its Express path is its documented path', () => {
    const documented = new Set(routes.routes.map((r) => r.fullPath));
    const misplaced = expressRoutes(app).filter((r) => r.top && !documented.has(r.path));
    expect(misplaced).toEqual([]);
  });

  it('when the document is generated, then every declared route is in it once', () => {
    const doc = openApiDocument(routes) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    const declared = routes.routes.map((r) => `${r.spec.method} ${r.fullPath.replace(/:(\w+)/g, '{$1}')}`);
    expect(operations.sort()).toEqual([...declared].sort());
    expect(new Set(declared).size).toBe(declared.length);
  });
});
