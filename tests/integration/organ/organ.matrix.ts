/**
 * Expected statuses of the organ's routes: a link is public (an unknown one is 404 for anyone);
 * the recommendation's routes answer only the organ's session (401 for staff and no account);
 * the staff's view of the organs' answers is read like the case.
 */
import { ROLES } from '../../../domain/roles';
import { allow, everyone, type Expected, type RouteExpectation } from '../api/matrix/harness';
import { sharedCase } from '../cases/stage-fixtures';

const UNKNOWN = 'matrix-unknown-link-0000';
const organOnly = (status: number): Expected => ({ ...allow([], 401, 401), organ: status });
const plain = (path: string, body?: unknown) => async () => ({ path, ...(body ? { body } : {}) });

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/organ/links/:token',
    request: async (world, owner) => {
      const caseId = await sharedCase(world, owner, 'recommendation');
      const [row] = await world.system.db.query<{ token: string }>(
        "SELECT token FROM organ_access WHERE case_id = $1 AND recommendation_id = 'rec-1'",
        [caseId],
      );
      return { path: `/api/organ/links/${row!.token}` };
    },
    own: everyone(200),
    other: everyone(200),
  },
  {
    route: 'POST /api/organ/links/:token/code',
    request: plain(`/api/organ/links/${UNKNOWN}/code`),
    own: everyone(404),
  },
  {
    route: 'POST /api/organ/links/:token/session',
    request: plain(`/api/organ/links/${UNKNOWN}/session`, { code: '123456' }),
    own: everyone(404),
  },
  {
    route: 'GET /api/organ/recommendation',
    request: plain('/api/organ/recommendation'),
    own: organOnly(200),
  },
  {
    // Receipt is the workflow's to accept: here only who reaches it is tried (an item that does
    // not exist is refused before the case is asked).
    route: 'POST /api/organ/recommendation/answers',
    request: plain('/api/organ/recommendation/answers', { answers: [{ item: 99, answer: 'accepted' }] }),
    own: organOnly(422),
  },
  {
    route: 'POST /api/organ/recommendation/receipt',
    request: plain('/api/organ/recommendation/receipt', { confirmedBy: '矩阵' }),
    own: organOnly(200),
  },
  {
    // The JSON body is not a file type the organ may upload.
    route: 'POST /api/organ/recommendation/files',
    request: plain('/api/organ/recommendation/files?name=a.txt', { not: 'a file' }),
    own: organOnly(415),
  },
  {
    // Dates the route refuses before the case is asked: who reaches it is what is tried here.
    route: 'POST /api/organ/recommendation/progress',
    request: plain('/api/organ/recommendation/progress', { asOf: '2999-01-01', progress: '矩阵' }),
    own: organOnly(422),
  },
  {
    route: 'POST /api/organ/recommendation/extension-requests',
    request: plain('/api/organ/recommendation/extension-requests', { until: '2000-01-01', reasons: '矩阵' }),
    own: organOnly(422),
  },
  {
    route: 'GET /api/cases/:id/organ-replies',
    request: async (world, owner) => ({
      path: `/api/cases/${await sharedCase(world, owner, 'recommendation')}/organ-replies`,
    }),
    own: allow(ROLES, 200),
    other: allow(ROLES, 404),
  },
];
