/**
 * Expected statuses of the calendar routes. The holiday schedule and the policies are national:
 * every admin reads and previews them, only the platform's administrator changes them, and no
 * procuratorate's resource is addressed. Requests
 * that would change the shared schedule or policies are sent invalid (422), so the matrix never
 * changes what other tests count on.
 */
import { PLATFORM_READERS, PLATFORM_ROLES, ROLES } from '../../../domain/roles';
import { allow, type RouteExpectation } from '../api/matrix/harness';

const plain = (path: string) => async () => ({ path });
const year2031 = {
  year: 2031,
  holidays: [
    { date: '2031-01-01', name: '元旦' },
    { date: '2031-05-01', name: '劳动节' },
    { date: '2031-10-01', name: '国庆节' },
  ],
  makeupWorkdays: [],
};
const incompleteYear = { year: 2031, holidays: [], makeupWorkdays: [] };

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/admin/holidays',
    request: plain('/api/admin/holidays'),
    own: allow(PLATFORM_READERS, 200),
  },
  {
    route: 'GET /api/admin/holidays/:year',
    request: plain('/api/admin/holidays/2026'),
    own: allow(PLATFORM_READERS, 200),
  },
  {
    route: 'POST /api/admin/holidays/what-if',
    request: async () => ({ path: '/api/admin/holidays/what-if', body: year2031 }),
    own: allow(PLATFORM_READERS, 200),
  },
  {
    route: 'POST /api/admin/holidays',
    request: async () => ({ path: '/api/admin/holidays', body: incompleteYear }),
    own: allow(PLATFORM_ROLES, 422),
  },
  { route: 'GET /api/admin/policy', request: plain('/api/admin/policy'), own: allow(PLATFORM_READERS, 200) },
  {
    route: 'POST /api/admin/policy/what-if',
    request: async () => ({ path: '/api/admin/policy/what-if', body: { makeupWorkdayCounts: true } }),
    own: allow(PLATFORM_READERS, 200),
  },
  {
    route: 'PUT /api/admin/policy',
    request: async () => ({ path: '/api/admin/policy', body: { reason: '无变更' } }),
    own: allow(PLATFORM_ROLES, 422),
  },
  {
    route: 'GET /api/deadlines',
    request: plain('/api/deadlines?start=2025-09-05&days=30'),
    own: allow(ROLES, 200),
  },
];
