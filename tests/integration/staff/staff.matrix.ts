/**
 * Expected statuses of what every member of staff reads besides cases: the holiday schedule,
 * the open deadlines, the inbox (待办, not the admin's) and the directory of the caller's procuratorate, and the domains in force.
 * Only the directory addresses a procuratorate by name (its own or one below); the rest answer for the caller's own.
 */
import { ROLES } from '../../../domain/roles';
import { addDays } from '../../../domain/period';
import { shanghaiDate } from '../../../domain/time';
import { allow, type RouteExpectation } from '../api/matrix/harness';

const plain = (path: string) => async () => ({ path });
const today = shanghaiDate(new Date());

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/calendar/holidays',
    request: plain('/api/calendar/holidays?year=2026'),
    own: allow(ROLES, 200),
  },
  {
    route: 'GET /api/deadlines/open',
    request: plain(`/api/deadlines/open?from=${addDays(today, -7)}&to=${addDays(today, 42)}`),
    own: allow(ROLES, 200),
  },
  {
    route: 'GET /api/inbox',
    request: plain('/api/inbox'),
    own: allow(['prosecutor', 'head', 'chief', 'case_office', 'oversight'], 200),
  },
  {
    // Named explicitly: the procuratorate's own staff and the oversight caller above it read its
    // directory; another procuratorate's staff, not above it, find nothing.
    route: 'GET /api/users/directory',
    request: async (_world, owner) => ({
      path: `/api/users/directory?procuratorate=${owner.procuratorateId}`,
    }),
    own: allow(ROLES, 200),
    other: allow(ROLES, 404),
  },
  { route: 'GET /api/domains', request: plain('/api/domains'), own: allow(ROLES, 200) },
];
