import { ROLES } from '../../../domain/roles';
import type { RegisteredRoute } from '../../../api/routing';
import { startSystem, type System } from '../../helpers/system';
import { stubApp } from '../../unit/api/app-stub';
import { CALLERS, loadExpectations, type Expected, type RouteExpectation } from './matrix/harness';
import { createWorld, snapshot, type MatrixWorld } from './matrix/world';

const { routes } = stubApp();
const expectations = loadExpectations();
let system: System;
let world: MatrixWorld;

beforeAll(async () => {
  system = await startSystem();
  world = await createWorld(system);
});
afterAll(() => system.stop());

const keyOf = (route: RegisteredRoute) => `${route.spec.method.toUpperCase()} ${route.fullPath}`;

/** The snapshot once two taken half a second apart agree (at most 15 s). */
async function settledSnapshot(): Promise<string> {
  let last = await snapshot(world);
  for (const until = Date.now() + 15_000; Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 500));
    const next = await snapshot(world);
    if (next === last) return next;
    last = next;
  }
  return last;
}

/** Sends one request per caller and scope; returns every cell that answered otherwise than declared. */
async function walk(route: RegisteredRoute, expectation: RouteExpectation): Promise<string[]> {
  const mismatches: string[] = [];
  const scopes: ['own' | 'other', Expected | undefined, MatrixWorld['own']][] = [
    ['own', expectation.own, world.own],
    ['other', expectation.other, world.other],
  ];
  for (const [scope, expected, owner] of scopes) {
    if (!expected) continue;
    for (const caller of CALLERS) {
      const want = expected[caller];
      const request = await expectation.request(world, owner, { caller, scope, expected: want });
      const before = want >= 400 ? await snapshot(world) : undefined;
      const res = await world.callers[caller].request(
        route.spec.method.toUpperCase(),
        request.path,
        request.body,
        request.headers,
      );
      if (res.status !== want) {
        mismatches.push(`${scope} ${caller}: expected ${want}, got ${res.status} ${res.body?.detail ?? ''}`);
      } else if (before !== undefined && (await snapshot(world)) !== before) {
        // A fixture case just driven may still be settling (documents, mail, its projection): once
        // the database is quiet, the refused request is sent again and must change nothing.
        const quiet = await settledSnapshot();
        const again = await world.callers[caller].request(
          route.spec.method.toUpperCase(),
          request.path,
          request.body,
        );
        if (again.status !== want || (await snapshot(world)) !== quiet)
          mismatches.push(`${scope} ${caller}: answered ${want} but the database changed`);
      }
    }
  }
  return mismatches;
}

/** What a route's declaration alone implies: roles it does not list get 403, no account (nor an organ) 401. */
async function refusals(route: RegisteredRoute): Promise<string[]> {
  if (route.spec.auth === 'public') return [];
  const allowed: readonly string[] = route.spec.roles ?? ROLES;
  const path = route.fullPath.replace(/:\w+/g, 'matrix-placeholder');
  const body = ['post', 'put', 'patch'].includes(route.spec.method) ? {} : undefined;
  const mismatches: string[] = [];
  for (const caller of CALLERS.filter((c) => c === 'anonymous' || c === 'organ' || !allowed.includes(c))) {
    const want = caller === 'anonymous' || caller === 'organ' ? 401 : 403;
    const before = await snapshot(world);
    const res = await world.callers[caller].request(route.spec.method.toUpperCase(), path, body);
    if (res.status !== want) mismatches.push(`${caller}: expected ${want}, got ${res.status}`);
    else if ((await snapshot(world)) !== before) mismatches.push(`${caller}: the database changed`);
  }
  return mismatches;
}

describe('role × route matrix', () => {
  it('when expectations are declared, then each names a route that exists', () => {
    const declared = new Set(routes.routes.map(keyOf));
    expect([...expectations.keys()].filter((k) => !declared.has(k))).toEqual([]);
  });

  for (const route of routes.routes) {
    const key = keyOf(route);
    const expectation = expectations.get(key);
    if (expectation) {
      it(`${key}: every role, own and other procuratorate`, async () => {
        expect(await walk(route, expectation)).toEqual([]);
      });
    } else {
      it(`${key}: roles it does not list are refused`, async () => {
        expect(await refusals(route)).toEqual([]);
      });
      it(`${key}: its expected status per role and procuratorate is declared in a *.matrix.ts file`, () => {
        throw new Error(`${key} has no row in any *.matrix.ts file: declare who may call it`);
      });
    }
  }
});
