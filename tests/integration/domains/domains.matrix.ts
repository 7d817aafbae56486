/**
 * Expected statuses of the domain administration. The domains are national reference data:
 * every admin reads them, only the platform's administrator changes them, and no procuratorate's
 * resource is addressed. Each cell
 * adds or changes an exploratory domain of its own, never one that other tests register under.
 */
import { randomBytes } from 'node:crypto';
import { PLATFORM_READERS, PLATFORM_ROLES } from '../../../domain/roles';
import { allow, type RouteExpectation } from '../api/matrix/harness';
import type { MatrixWorld } from '../api/matrix/world';

const uniq = () => randomBytes(4).toString('hex');

async function exploratoryDomain(world: MatrixWorld): Promise<string> {
  const code = `matrix_${uniq()}`;
  await world.system.db.query(
    `INSERT INTO domains (code, version, name, statutory, allows_administrative, allows_civil, in_force_from)
     VALUES ($1, 1, $2, false, true, false, current_date)`,
    [code, `矩阵领域${uniq()}`],
  );
  return code;
}

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/admin/domains',
    request: async () => ({ path: '/api/admin/domains' }),
    own: allow(PLATFORM_READERS, 200),
  },
  {
    route: 'POST /api/admin/domains',
    request: async () => ({
      path: '/api/admin/domains',
      body: {
        code: `matrix_${uniq()}`,
        name: `公共安全${uniq()}`,
        allowsAdministrative: true,
        allowsCivil: false,
      },
    }),
    own: allow(PLATFORM_ROLES, 201),
  },
  {
    route: 'PATCH /api/admin/domains/:code',
    request: async (world) => ({
      path: `/api/admin/domains/${await exploratoryDomain(world)}`,
      body: { allowsCivil: true },
    }),
    own: allow(PLATFORM_ROLES, 200),
  },
];
