/**
 * Expected statuses of the bell and the mail choices: each member of staff reads and changes only
 * their own (no resource of another procuratorate is addressed); the admin has no notifications.
 */
import { allow, type RouteExpectation } from '../api/matrix/harness';

const STAFF = ['prosecutor', 'head', 'chief', 'case_office'] as const;

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/notifications',
    request: async () => ({ path: '/api/notifications?unread=true' }),
    own: allow(STAFF, 200),
  },
  {
    route: 'POST /api/notifications/mark-read',
    request: async () => ({ path: '/api/notifications/mark-read', body: {} }),
    own: allow(STAFF, 200),
  },
  {
    route: 'GET /api/notifications/preferences',
    request: async () => ({ path: '/api/notifications/preferences' }),
    own: allow(STAFF, 200),
  },
  {
    route: 'PUT /api/notifications/preferences',
    request: async () => ({
      path: '/api/notifications/preferences',
      body: { choices: [{ kind: 'organ_reply', byMail: true }] },
    }),
    own: allow(STAFF, 200),
  },
];
