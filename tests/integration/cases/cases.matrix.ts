/**
 * Expected statuses of the case routes — list, detail, timeline, registration and every staff
 * action (generated from ACTIONS) — and of the statistics (the threshold is the admin's to set)
 * and the development mailbox.
 *
 * Each action is tried on a case in the earliest stage it applies to (action-cells.ts), driven
 * there through the API. On the caller's own case the acting roles get what `authorize` gives
 * their kind of action (decisions are the chief's: no delegation is set), the case office and
 * admins 403 by route; on another procuratorate's case the acting roles get 404. Succeeding cells
 * get a fresh case; refused cells share one per stage (stage-fixtures.ts), which the harness
 * shows they left unchanged — on another procuratorate's side one registered lead serves all.
 */
import { ACTIONS, FORM_ACTION_NAMES, type FormActionName } from '../../../domain/case/actions';
import { ROLES } from '../../../domain/roles';
import type { TestOrg } from '../../helpers/fixtures';
import { allow, type Expected, type MatrixCell, type RouteExpectation } from '../api/matrix/harness';
import type { MatrixWorld } from '../api/matrix/world';
import { ACTION_CELLS, ADMITS, type ActingRole } from './action-cells';
import { freshCase, settle, sharedCase, today, type Fixture } from './stage-fixtures';

const ACTING: ActingRole[] = ['prosecutor', 'head', 'chief'];
const NARRATIVE = {
  basicFacts: '某公司堆放固体废物。',
  performance: '检察机关立案调查。',
  significance: '以案释法。',
};

/** Cases a succeeding cell acted on: settled before the next cell takes its snapshot. */
const acted = new Set<string>();
async function settleActed(world: MatrixWorld): Promise<void> {
  for (const id of [...acted]) {
    await settle(world, id);
    acted.delete(id);
  }
}

async function caseFor(world: MatrixWorld, owner: TestOrg, cell: MatrixCell, fixture: Fixture) {
  await settleActed(world);
  if (cell.expected >= 300) return sharedCase(world, owner, cell.scope === 'other' ? 'lead' : fixture);
  const id = await freshCase(world, owner, fixture);
  acted.add(id);
  return id;
}

function actionExpectation(name: FormActionName): RouteExpectation {
  const { fixture, body, rule } = ACTION_CELLS[name];
  const admitted = ADMITS[ACTIONS[name].who];
  const office = ACTIONS[name].who === 'overseer';
  const own = allow([], 0);
  for (const role of ACTING) own[role] = rule?.[role] ?? (admitted.includes(role) ? 200 : 403);
  return {
    route: `POST /api/cases/:id/actions/${name}`,
    request: async (world, owner, cell) => ({
      path: `/api/cases/${await caseFor(world, owner, cell, fixture)}/actions/${name}`,
      body: body(owner, today()),
    }),
    // The case office may acknowledge an alert: let through to the rule, which finds none here.
    own: { ...own, case_office: office ? 409 : 403, admin: 403 },
    other: allow(office ? [...ACTING, 'case_office'] : ACTING, 404),
  };
}

/** A read of one case (a shared one: reads change nothing): any role of its procuratorate, nobody elsewhere. */
function caseRead(
  route: RouteExpectation['route'],
  suffix: string,
  fixture: Fixture = 'lead',
): RouteExpectation {
  return {
    route,
    request: async (world, owner, cell) => ({
      path: `/api/cases/${await caseFor(world, owner, { ...cell, expected: 400 }, fixture)}${suffix}`,
    }),
    own: allow(ROLES, 200),
    other: allow(ROLES, 404),
  };
}

/** A route that addresses no case: settle what the cells before did, then ask. */
function plain(route: RouteExpectation['route'], path: string, own: Expected): RouteExpectation {
  return {
    route,
    request: async (world) => {
      await settleActed(world);
      return { path };
    },
    own,
  };
}

export const matrix: RouteExpectation[] = [
  plain('GET /api/cases', '/api/cases?limit=5', allow(ROLES, 200)),
  {
    route: 'POST /api/cases',
    request: async (world) => {
      await settleActed(world);
      return {
        path: '/api/cases',
        body: {
          title: '外卖平台入网商户无证经营',
          description: '网络订餐平台入网餐饮商户无证经营。',
          domainCode: 'food_drug',
          source: 'self_discovered',
          receivedOn: today(),
        },
      };
    },
    own: allow(['prosecutor', 'head'], 201),
  },
  caseRead('GET /api/cases/:id', ''),
  caseRead('GET /api/cases/:id/timeline', '/timeline'),
  caseRead('GET /api/cases/:id/typical-summary', '/typical-summary', 'typical'),
  caseRead('GET /api/cases/:id/typical-narrative', '/typical-narrative', 'typical'),
  {
    route: 'PUT /api/cases/:id/typical-narrative',
    request: async (world, owner, cell) => ({
      path: `/api/cases/${await caseFor(world, owner, cell, 'typical')}/typical-narrative`,
      body: NARRATIVE,
    }),
    own: allow(ACTING, 200),
    other: allow(ACTING, 404),
  },
  {
    // The narrative is written first (the same text each time), so the export has something to render.
    route: 'GET /api/cases/:id/typical-case.docx',
    request: async (world, owner, cell) => {
      const id = await caseFor(world, owner, { ...cell, expected: 400 }, 'typical');
      if (owner === world.own)
        await world.callers.prosecutor.request('PUT', `/api/cases/${id}/typical-narrative`, NARRATIVE);
      return { path: `/api/cases/${id}/typical-case.docx` };
    },
    own: allow(ROLES, 200),
    other: allow(ROLES, 404),
  },
  plain('GET /api/typical-cases', '/api/typical-cases?year=2026', allow(ROLES, 200)),
  ...FORM_ACTION_NAMES.map(actionExpectation),
  {
    // The upload's body is the file itself (a PDF's bytes); the case workflow's `attachEvidence`
    // rule admits the handler, a head and the chief.
    route: 'POST /api/cases/:id/evidence',
    request: async (world, owner, cell) => ({
      path: `/api/cases/${await caseFor(world, owner, cell, 'lead')}/evidence?name=${encodeURIComponent('鉴定意见.pdf')}`,
      body: '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
    }),
    own: { ...allow(['prosecutor', 'head', 'chief'], 201), case_office: 403, admin: 403 },
    other: allow(['prosecutor', 'head', 'chief'], 404),
  },
  plain('GET /api/statistics/organs', '/api/statistics/organs', allow(ROLES, 200)),
  plain('GET /api/statistics/summary', '/api/statistics/summary', allow(ROLES, 200)),
  plain('GET /api/statistics/report', '/api/statistics/report', allow(ROLES, 200)),
  plain('GET /api/statistics/situation-report', '/api/statistics/situation-report', allow(ROLES, 200)),
  plain('GET /api/statistics/analysis', '/api/statistics/analysis', allow(ROLES, 200)),
  plain(
    'GET /api/statistics/cases',
    '/api/statistics/cases?figure=outcome&outcome=rectified',
    allow(ROLES, 200),
  ),
  plain('GET /api/statistics/policy', '/api/statistics/policy', allow(ROLES, 200)),
  {
    route: 'PUT /api/statistics/policy',
    request: async (world) => {
      await settleActed(world);
      return { path: '/api/statistics/policy', body: { repeatOffenderThreshold: 2 } };
    },
    own: allow(['admin'], 200),
  },
  // The test system runs without the development mailbox: every account finds nothing there.
  plain('GET /api/dev/mail', '/api/dev/mail', allow(ROLES, 404)),
];
