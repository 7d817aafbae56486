/** Expected statuses of the auth, user, organ, public-lead and operational routes. */
import { CASE_ACTING_ROLES as DECIDERS, ROLES as STAFF } from '../../../../domain/roles';
import { TEST_PASSWORD } from '../../../helpers/fixtures';
import { intakeProofHeaders } from '../../../helpers/intake-proof';
import { allow, everyone, type RouteExpectation } from './harness';

const READERS = ['prosecutor', 'head', 'chief', 'case_office'] as const;
let n = 0;
const unique = (stem: string) => `${stem}${Date.now()}${(n += 1)}`;

const plain = (path: string) => async () => ({ path });

export const matrix: RouteExpectation[] = [
  { route: 'GET /healthz', request: plain('/healthz'), own: everyone(200) },
  { route: 'GET /metrics', request: plain('/metrics'), own: everyone(200) },
  { route: 'GET /api/openapi.json', request: plain('/api/openapi.json'), own: everyone(200) },
  {
    route: 'GET /api/admin/stuck-cases',
    request: plain('/api/admin/stuck-cases'),
    own: allow(['case_office', 'admin'], 200),
  },
  {
    route: 'POST /api/auth/login',
    request: async (_w, owner) => ({
      path: '/api/auth/login',
      body: { username: owner.chief.username, password: TEST_PASSWORD },
    }),
    own: everyone(200),
  },
  {
    route: 'POST /api/auth/refresh',
    request: async (w, owner) => ({
      path: '/api/auth/refresh',
      body: { refreshToken: await w.fresh.refreshToken(owner) },
    }),
    own: everyone(200),
  },
  {
    route: 'POST /api/auth/logout',
    request: async (w, owner) => ({
      path: '/api/auth/logout',
      body: { refreshToken: await w.fresh.refreshToken(owner) },
    }),
    own: everyone(204),
  },
  { route: 'GET /api/auth/me', request: plain('/api/auth/me'), own: allow(STAFF, 200) },
  // Everyone issues tokens for themselves; a token of the admin is the admin's to revoke (or any admin's).
  {
    route: 'POST /api/auth/tokens',
    request: async () => ({ path: '/api/auth/tokens', body: { name: '集成' } }),
    own: allow(STAFF, 201),
  },
  { route: 'GET /api/auth/tokens', request: plain('/api/auth/tokens'), own: allow(STAFF, 200) },
  {
    route: 'DELETE /api/auth/tokens/:id',
    request: async (w, owner) => ({ path: `/api/auth/tokens/${await w.fresh.apiToken(owner)}` }),
    own: allow(['admin'], 204, 404),
    other: allow(STAFF, 404),
  },
  { route: 'GET /api/users', request: plain('/api/users'), own: allow(['admin'], 200) },
  {
    route: 'GET /api/users/role-grants',
    request: plain('/api/users/role-grants'),
    own: allow(['admin'], 200),
  },
  ...(['approve', 'reject'] as const).map((decision): RouteExpectation => ({
    route: `POST /api/users/role-grants/:id/${decision}`,
    request: async (w, owner) => ({
      path: `/api/users/role-grants/${await w.fresh.roleGrant(owner)}/${decision}`,
    }),
    own: allow(['admin'], 200),
    other: allow(['admin'], 404),
  })),
  {
    route: 'POST /api/users',
    request: async () => ({
      path: '/api/users',
      body: { username: unique('m'), displayName: '新用户', email: 'new@test.example', roles: ['head'] },
    }),
    own: allow(['admin'], 201),
  },
  {
    route: 'PATCH /api/users/:id',
    request: async (w, owner) => ({
      path: `/api/users/${await w.fresh.user(owner)}`,
      body: { displayName: '改名' },
    }),
    own: allow(['admin'], 200),
    other: allow(['admin'], 404),
  },
  { route: 'GET /api/organs', request: plain('/api/organs'), own: allow(STAFF, 200) },
  {
    route: 'POST /api/organs',
    request: async () => ({ path: '/api/organs', body: { name: unique('区某局') } }),
    own: allow(['admin'], 201),
  },
  {
    route: 'PATCH /api/organs/:id',
    request: async (w, owner) => ({
      path: `/api/organs/${await w.fresh.organ(owner)}`,
      body: { address: '某路' },
    }),
    own: allow(['admin'], 200),
    other: allow(['admin'], 404),
  },
  {
    route: 'POST /api/public/leads',
    request: async (w, owner) => ({
      path: '/api/public/leads',
      body: {
        procuratorateId: owner.procuratorateId,
        description: '矩阵测试：某处河道有人倾倒垃圾。',
        location: '某地',
      },
      headers: await intakeProofHeaders(w.system.baseUrl),
    }),
    own: everyone(201),
  },
  {
    route: 'GET /api/public/leads/:code',
    request: async (w, owner) => ({ path: `/api/public/leads/${(await w.fresh.lead(owner)).code}` }),
    own: everyone(200),
  },
  {
    route: 'GET /api/public/procuratorates',
    request: plain('/api/public/procuratorates'),
    own: everyone(200),
  },
  { route: 'GET /api/public/domains', request: plain('/api/public/domains'), own: everyone(200) },
  { route: 'GET /api/public/challenge', request: plain('/api/public/challenge'), own: everyone(200) },
  { route: 'GET /api/leads/public', request: plain('/api/leads/public'), own: allow(READERS, 200) },
  {
    route: 'GET /api/leads/public/:id',
    request: async (w, owner) => ({ path: `/api/leads/public/${(await w.fresh.lead(owner)).id}` }),
    own: allow(READERS, 200),
    other: allow(READERS, 404),
  },
  {
    route: 'GET /api/leads/public/:id/attachments/:n',
    request: async (w, owner) => ({
      path: `/api/leads/public/${(await w.fresh.lead(owner)).id}/attachments/1`,
    }),
    own: allow(READERS, 200),
    other: allow(READERS, 404),
  },
  {
    route: 'POST /api/leads/public/:id/decline',
    request: async (w, owner) => ({
      path: `/api/leads/public/${(await w.fresh.lead(owner)).id}/decline`,
      body: { reason: '不属于公益诉讼范围' },
    }),
    own: allow(DECIDERS, 200),
    other: allow(DECIDERS, 404),
  },
];
