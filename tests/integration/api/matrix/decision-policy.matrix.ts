/** Expected statuses of the decision-policy routes: the procuratorate's admin alone. */
import type { RouteExpectation } from './harness';
import { allow } from './harness';

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/admin/decision-policy',
    request: async () => ({ path: '/api/admin/decision-policy' }),
    own: allow(['admin'], 200),
  },
  {
    route: 'PUT /api/admin/decision-policy',
    request: async () => ({
      path: '/api/admin/decision-policy',
      body: { headReviewRequired: false, delegations: [] },
    }),
    own: allow(['admin'], 200),
  },
];
