/**
 * Expected statuses of the routes of the procuratorate above. The matrix's oversight caller is a
 * user of the procuratorate directly above "own"; the other roles are own's. So a 备案 filed by
 * own is the oversight caller's to acknowledge, not own's chief's; a case is assigned by own's
 * head or chief to a procuratorate made below own, and to one below "other" it cannot be.
 */
import { randomBytes } from 'node:crypto';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { signIn } from '../api/helpers';
import { allow, type RouteExpectation } from '../api/matrix/harness';
import type { MatrixWorld } from '../api/matrix/world';
import { freshCase, settle, today } from '../cases/stage-fixtures';

const FOLLOWERS = ['prosecutor', 'head', 'chief', 'case_office', 'oversight'] as const;

const filed = new Map<string, Promise<{ caseId: string; seq: number }>>();
/** A case of `owner` whose recommendation was filed above (one per procuratorate: acknowledging is idempotent). */
function filing(world: MatrixWorld, owner: TestOrg) {
  const key = owner.procuratorateId;
  if (!filed.has(key))
    filed.set(
      key,
      (async () => {
        const caseId = await freshCase(world, owner, 'served');
        const prosecutor = (await signIn(world.system.baseUrl, owner.prosecutor)).client;
        const res = await prosecutor.postSettled(
          `/api/cases/${caseId}/actions/recordRecommendationFiledAbove`,
          {
            recommendationId: 'rec-1',
            filedOn: today(),
          },
        );
        if (res.status !== 200) throw new Error(`filing above failed: ${res.status} ${res.body?.detail}`);
        await settle(world, caseId);
        const [row] = await world.system.db.query<{ seq: number }>(
          "SELECT seq FROM audit_entries WHERE case_id = $1 AND kind = 'recordRecommendationFiledAbove'",
          [caseId],
        );
        return { caseId, seq: row!.seq };
      })(),
    );
  return filed.get(key)!;
}

const uniq = () => randomBytes(4).toString('hex');

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/oversight/figures',
    request: async () => ({ path: '/api/oversight/figures' }),
    own: allow(['oversight'], 200),
  },
  {
    route: 'GET /api/oversight/below',
    request: async () => ({ path: '/api/oversight/below' }),
    own: allow(FOLLOWERS, 200),
  },
  {
    route: 'GET /api/oversight/assignments',
    request: async () => ({ path: '/api/oversight/assignments' }),
    own: allow(FOLLOWERS, 200),
  },
  {
    route: 'POST /api/oversight/assignments',
    request: async (world, owner) => {
      const below = await createTestOrg(world.system.db, { parentId: owner.procuratorateId });
      return {
        path: '/api/oversight/assignments',
        body: {
          procuratorateId: below.procuratorateId,
          handlerId: below.prosecutor.id,
          title: `上级交办：某河段非法采砂${uniq()}`,
          description: '上级院交办的线索：某河段夜间非法采砂。',
          domainCode: 'ecology',
          receivedOn: today(),
          instructions: '三个月内报告办理情况',
        },
      };
    },
    own: allow(['head', 'chief'], 201),
    other: allow(['head', 'chief'], 422),
  },
  {
    route: 'POST /api/oversight/filings/:id/:seq/acknowledge',
    request: async (world, owner) => {
      const { caseId, seq } = await filing(world, owner);
      return { path: `/api/oversight/filings/${caseId}/${seq}/acknowledge` };
    },
    own: { ...allow(['oversight', 'head', 'chief'], 404), oversight: 204 },
    other: allow(['oversight', 'head', 'chief'], 404),
  },
];
