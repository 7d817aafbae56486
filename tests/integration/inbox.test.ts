// 待办 after a scripted day: a public lead arrives, leads are registered (one long overdue, one
// falling due this week), filing is proposed and decided, an alert is raised and seen to, a case
// is handed over. Each role's inbox holds exactly its work, most urgent first; done items leave it.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../api/auth/passwords';
import { addDays } from '../../domain/period/dates';
import { shanghaiDate } from '../../domain/time';
import { TEST_PASSWORD, type TestUser } from '../helpers/fixtures';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { waitUntil } from '../helpers/processes';
import { refuseEntries } from '../helpers/refuse-entries';
import { useWorld } from '../helpers/world';
import { Caller, expectDocumented } from './api/helpers';
import { intakeProofHeaders } from '../helpers/intake-proof';

const world = useWorld({ orgs: 2 });
const today = shanghaiDate(new Date());
let as: Record<'prosecutor' | 'newcomer' | 'head' | 'chief' | 'office' | 'admin' | 'stranger', ApiClient>;
let newcomer: TestUser;

interface Item {
  kind: string;
  caseId: string | null;
  leadId: string | null;
  date: string;
  link: string | null;
}

/** A second prosecutor of the procuratorate, to hand a case to. */
async function addProsecutor(): Promise<TestUser> {
  const id = `u-${randomBytes(5).toString('hex')}`;
  const u = { id, username: `prosecutor-${id}`, email: `${id}@test.example`, roles: ['prosecutor' as const] };
  await world.system.db.query(
    `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      u.id,
      world.org.procuratorateId,
      u.username,
      '新来的检察官',
      u.email,
      u.roles,
      await hashPassword(TEST_PASSWORD),
    ],
  );
  return { ...u, procuratorateId: world.org.procuratorateId };
}

beforeAll(async () => {
  newcomer = await addProsecutor();
  const login = (u: { username: string }) => ApiClient.login(world.system.baseUrl, u);
  const { org, other } = world;
  as = {
    prosecutor: await login(org.prosecutor),
    newcomer: await login(newcomer),
    head: await login(org.head),
    chief: await login(org.chief),
    office: await login(org.caseOffice),
    admin: await login(org.admin),
    stranger: await login(other.chief),
  };
});

async function inbox(who: keyof typeof as): Promise<Item[]> {
  const res = await as[who].get('/api/inbox');
  expect(res.status).toBe(200);
  expectDocumented('GET', '/api/inbox', res);
  expect(res.body.counts.total).toBe(res.body.items.length);
  return res.body.items;
}

/** `kind caseOrLead` per item, in order; the ids of this file's cases and lead read by name. */
const summary = (items: Item[], names: Record<string, string>) => {
  const nameOf = Object.fromEntries(Object.entries(names).map(([k, v]) => [v, k]));
  return items.map((i) => `${i.kind} ${nameOf[i.caseId ?? i.leadId ?? ''] ?? '?'}`);
};

async function runningDue(caseId: string): Promise<string> {
  const [row] = await world.system.db.query<{ due: string }>(
    `SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM case_clocks WHERE case_id = $1 AND status = 'running'`,
    [caseId],
  );
  return row!.due;
}

it('when the day has gone by, then each role holds exactly its work in order, and done items leave', async () => {
  // A member of the public sends a lead.
  const sent = await new Caller(world.system.baseUrl, undefined).post(
    '/api/public/leads',
    {
      procuratorateId: world.org.procuratorateId,
      description: '某小区旁河道长期有工厂排放污水，气味刺鼻。',
      location: '某区某街道某河段',
    },
    await intakeProofHeaders(world.system.baseUrl),
  );
  expect(sent.status).toBe(201);
  const [row] = await world.system.db.query<{ id: string }>(
    'SELECT id FROM public_leads WHERE tracking_code = $1',
    [sent.body.code],
  );
  const lead = row!.id;

  // Leads registered earlier: one whose evaluation is long overdue, one that falls due this week.
  const overdue = await registerLead(as.prosecutor, {
    title: '逾期评估的线索',
    receivedOn: addDays(today, -45),
  });
  const dueSoon = await registerLead(as.prosecutor, {
    title: '本周届满的线索',
    receivedOn: addDays(today, -27),
  });
  // A lead received today, proposed for filing.
  const proposed = await registerLead(as.prosecutor, { title: '提请立案的线索' });
  expect(
    (await as.prosecutor.post(`/api/cases/${proposed}/actions/proposeFiling`, { reason: '线索查证属实' }))
      .status,
  ).toBe(200);
  // The database refuses a note on it: an alert for the case office.
  const allow = await refuseEntries(world.system.db, proposed, 'addNote');
  expect((await as.prosecutor.post(`/api/cases/${proposed}/actions/addNote`, { text: '备注' })).status).toBe(
    422,
  );
  await allow();

  const names = { lead, overdue, dueSoon, proposed };
  const soon = await runningDue(dueSoon);
  expect(soon >= today && soon <= addDays(today, 7)).toBe(true);

  await waitUntil('the alert stored', async () => (await inbox('office')).length === 1);
  expect(summary(await inbox('prosecutor'), names)).toEqual([
    'clock_overdue overdue',
    'clock_due dueSoon',
    'public_lead lead',
  ]);
  const mine = await inbox('prosecutor');
  expect(mine[0]).toMatchObject({ date: await runningDue(overdue), link: `/cases/${overdue}` });
  expect(mine[2]).toMatchObject({ leadId: lead, caseId: null, link: `/leads/${lead}` });
  expect(summary(await inbox('chief'), names)).toEqual(['proposal proposed']);
  expect(summary(await inbox('head'), names)).toEqual(['public_lead lead']);
  expect(summary(await inbox('office'), names)).toEqual(['alert proposed']);
  expect(summary(await inbox('newcomer'), names)).toEqual(['public_lead lead']);
  expect(await inbox('stranger')).toEqual([]);
  expect((await as.admin.get('/api/inbox')).status).toBe(403);

  // The chief delegates filing decisions: the head now has the proposal too.
  const delegated = await as.admin.request('PUT', '/api/admin/decision-policy', {
    headReviewRequired: false,
    delegations: [{ kind: 'filing', headId: world.org.head.id, delegatedBy: world.org.chief.id }],
  });
  expect(delegated.status).toBe(200);
  expect(summary(await inbox('head'), names)).toEqual(['proposal proposed', 'public_lead lead']);

  // Done: the office acknowledges the alert, the chief refuses filing, the lead is declined,
  // the head hands the case due this week to the newcomer.
  const [alert] = (await as.office.get(`/api/cases/${proposed}`)).body.alerts;
  const ack = await as.office.post(`/api/cases/${proposed}/actions/acknowledgeAlert`, {
    at: alert.at,
    kind: alert.kind,
    subject: alert.subject,
  });
  expect(ack.status).toBe(200);
  const decided = await as.chief.post(`/api/cases/${proposed}/actions/decideFiling`, {
    approve: false,
    decidedOn: today,
    reason: '不符合立案条件',
  });
  expect(decided.status).toBe(200);
  expect((await as.head.post(`/api/leads/public/${lead}/decline`, { reason: '不属于公益诉讼' })).status).toBe(
    200,
  );
  const handed = await as.head.post(`/api/cases/${dueSoon}/actions/reassign`, {
    handlerId: newcomer.id,
    reason: '工作调整',
  });
  expect(handed.status).toBe(200);

  expect(await inbox('chief')).toEqual([]);
  expect(await inbox('head')).toEqual([]);
  expect(await inbox('office')).toEqual([]);
  expect(summary(await inbox('prosecutor'), names)).toEqual(['clock_overdue overdue']);
  expect(summary(await inbox('newcomer'), names)).toEqual(['clock_due dueSoon', 'handed_over dueSoon']);

  // The newcomer records something on the case: it is no longer new to them; its clock stays.
  expect((await as.newcomer.post(`/api/cases/${dueSoon}/actions/addNote`, { text: '已阅卷' })).status).toBe(
    200,
  );
  expect(summary(await inbox('newcomer'), names)).toEqual(['clock_due dueSoon']);
});
