/**
 * The role × route matrix. Each route declares, in a `*.matrix.ts` file anywhere under
 * tests/, the status every caller (each role, and no account) gets for a resource of the
 * caller's own procuratorate and of another one. Routes nobody declared yet are still checked
 * for what their declaration implies (roles not listed get 403, no account 401) and listed
 * as to-do.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpMethod } from '../../../../api/routing';
import { ROLES, type Role } from '../../../../domain/roles';
import type { TestOrg } from '../../../helpers/fixtures';
import type { MatrixWorld } from './world';

/** Every role, no account, and an organ's session on one recommendation of the own procuratorate. */
export type CallerName = Role | 'anonymous' | 'organ';
export const CALLERS: readonly CallerName[] = [...ROLES, 'anonymous', 'organ'];
export type Expected = Record<CallerName, number>;

/** The cell a request is built for: a fixture a refused cell leaves unchanged may be shared. */
export interface MatrixCell {
  caller: CallerName;
  scope: 'own' | 'other';
  expected: number;
}

export interface MatrixRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteExpectation {
  /** The route as declared: method and Express path, e.g. 'PATCH /api/organs/:id'. */
  route: `${Uppercase<HttpMethod>} /${string}`;
  /**
   * Builds one request against a resource of `owner` (made fresh for each cell, so a cell that
   * succeeds cannot change what the next one finds; a cell expected to fail may reuse one, since
   * the harness shows that it changed nothing).
   */
  request(world: MatrixWorld, owner: TestOrg, cell: MatrixCell): Promise<MatrixRequest>;
  /** Status per caller when the resource is the caller's procuratorate's. */
  own: Expected;
  /** Status per caller when it is another procuratorate's; omit where no resource is addressed. */
  other?: Expected;
}

/** `roles` get `status`, every other role `denied` (403), no account and an organ's session 401. */
export function allow(roles: readonly Role[], status: number, denied = 403): Expected {
  const expected = { anonymous: 401, organ: 401 } as Expected;
  for (const role of ROLES) expected[role] = roles.includes(role) ? status : denied;
  return expected;
}

/** Every caller, with or without an account, gets `status`. */
export function everyone(status: number): Expected {
  return Object.fromEntries(CALLERS.map((c) => [c, status])) as Expected;
}

/** Every `*.matrix.ts` under tests/, keyed by route. */
export function loadExpectations(root = join(__dirname, '..', '..', '..')): Map<string, RouteExpectation> {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.matrix.ts'));
  const all = new Map<string, RouteExpectation>();
  for (const file of files.sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { matrix } = require(join(root, file)) as { matrix: RouteExpectation[] };
    for (const expectation of matrix) {
      if (all.has(expectation.route)) throw new Error(`${expectation.route} is declared twice (${file})`);
      all.set(expectation.route, expectation);
    }
  }
  return all;
}
