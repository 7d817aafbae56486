/**
 * Expected statuses of what every member of staff reads besides cases: the holiday schedule,
 * the open deadlines, the inbox (待办, not the admin's) and the directory of the caller's procuratorate, and the domains in force.
 * None addresses another procuratorate's resource: each answers for the caller's own.
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
  { route: 'GET /api/users/directory', request: plain('/api/users/directory'), own: allow(ROLES, 200) },
  { route: 'GET /api/domains', request: plain('/api/domains'), own: allow(ROLES, 200) },
];
