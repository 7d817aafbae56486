/**
 * What most integration test files share: the real system and a test procuratorate (or two,
 * for what must not cross between procuratorates), made before the file's first test and
 * stopped after its last.
 */
import { createTestOrg, type TestOrg } from './fixtures';
import { startSystem, type System } from './system';

export interface World {
  system: System;
  org: TestOrg;
}

export interface TwoOrgWorld extends World {
  /** A second procuratorate, whose staff and rows the first must not see. */
  other: TestOrg;
}

/**
 * Registers the file's beforeAll and afterAll; the fields are there once beforeAll has run, so
 * read them inside tests and later hooks, not at the top of the file.
 */
type AppOptions = NonNullable<Parameters<typeof startSystem>[0]>['app'];
/** `app` as a function is read in beforeAll: after the hooks registered before (a server it needs). */
type WorldOptions = { app?: AppOptions | (() => AppOptions) };
export function useWorld(options?: WorldOptions & { orgs?: 1 }): World;
export function useWorld(options: WorldOptions & { orgs: 2 }): TwoOrgWorld;
export function useWorld(options: WorldOptions & { orgs?: 1 | 2 } = {}): World {
  const world = {} as TwoOrgWorld;
  beforeAll(async () => {
    world.system = await startSystem({
      app: typeof options.app === 'function' ? options.app() : options.app,
    });
    const { db } = world.system;
    const orgs = await Promise.all(Array.from({ length: options.orgs ?? 1 }, () => createTestOrg(db)));
    world.org = orgs[0]!;
    if (orgs[1]) world.other = orgs[1];
  });
  afterAll(() => world.system?.stop());
  return world;
}
