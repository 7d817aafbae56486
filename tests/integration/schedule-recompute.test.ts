// An imported holiday schedule moves exactly the open deadlines it affects, through their case
// workflows, which reschedule the reminders. A rectification period of 36 months puts the
// deadline three years ahead, a year only this file touches.
import { addDays } from '../../domain/period/dates';
import { shanghaiDate, shanghaiInstant } from '../../domain/time';
import { caseStateQuery, caseWorkflowId } from '../../workflows/contract';
import { createTestOrg, type TestOrg } from '../helpers/fixtures';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { startSystem, type System } from '../helpers/system';

let system: System;
let org: TestOrg;
let prosecutor: ApiClient;
let chief: ApiClient;
let admin: ApiClient;
const today = shanghaiDate(new Date());

const YEAR = Number(today.slice(0, 4)) + 3;
const forgetYear = () => system.db.query('DELETE FROM holiday_schedule_years WHERE year = $1', [YEAR]);

beforeAll(async () => {
  system = await startSystem();
  await forgetYear();
  org = await createTestOrg(system.db);
  [prosecutor, chief, admin] = await Promise.all([
    ApiClient.login(system.baseUrl, org.prosecutor),
    ApiClient.login(system.baseUrl, org.chief),
    ApiClient.login(system.baseUrl, org.platformAdmin),
  ]);
});
afterAll(async () => {
  await forgetYear();
  await system.stop();
});

const act = async (client: ApiClient, id: string, action: string, body: unknown) => {
  const res = await client.postSettled(`/api/cases/${id}/actions/${action}`, body);
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A case whose recommendation gives the organ 36 months to rectify. */
async function caseWithRectificationThreeYearsAhead(): Promise<string> {
  const id = await registerLead(prosecutor, {
    title: '湿地生态修复',
    description: '湿地被非法占用，需长期修复',
    source: 'self_discovered',
  });
  await act(prosecutor, id, 'proposeFiling', { reason: '查证属实' });
  await act(chief, id, 'decideFiling', { approve: true, decidedOn: today, reason: '立案' });
  await act(prosecutor, id, 'recordInvestigation', { on: today, summary: '现场勘查' });
  await act(prosecutor, id, 'proposeRecommendation', {
    reason: '未依法履职',
    recommendations: [
      {
        organId: org.organs.eco,
        urgent: false,
        rectificationPeriod: { unit: 'months', count: 36 },
        summary: '分期修复',
      },
    ],
  });
  await act(chief, id, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意' });
  await act(prosecutor, id, 'recordRecommendationService', {
    recommendationId: 'rec-1',
    servedOn: today,
    receivedOn: today,
  });
  return id;
}

const scheduleWithHoliday = (due: string) => ({
  year: YEAR,
  holidays: [
    { date: `${YEAR}-01-01`, name: '元旦' },
    { date: `${YEAR}-05-01`, name: '劳动节' },
    { date: `${YEAR}-10-01`, name: '国庆节' },
    { date: due, name: '测试假日' },
  ],
  makeupWorkdays: [],
});

/** The first weekday after `date` (the imported year has no other holiday near the deadline). */
function nextWeekday(date: string): string {
  let day = addDays(date, 1);
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

async function clock(id: string, key: string) {
  const detail = await prosecutor.get(`/api/cases/${id}`);
  return detail.body.clocks.find((c: { key: string }) => c.key === key);
}

it('when an admin imports a schedule that makes a due day a holiday, then only that deadline moves, its reminders follow and the handler is told', async () => {
  const id = await caseWithRectificationThreeYearsAhead();
  const before = await clock(id, 'rectification:rec-1');
  expect(before.due.startsWith(`${YEAR}-`)).toBe(true);
  expect(before.provisional).toBe(true);
  const replyBefore = await clock(id, 'reply:rec-1');

  const expected = nextWeekday(before.due);
  const preview = await admin.post('/api/admin/holidays/what-if', scheduleWithHoliday(before.due));
  const mine = preview.body.moves.filter((m: { caseId: string }) => m.caseId === id);
  expect(mine).toEqual([
    expect.objectContaining({ clockKey: 'rectification:rec-1', oldDue: before.due, newDue: expected }),
  ]);

  const imported = await admin.post('/api/admin/holidays', scheduleWithHoliday(before.due));
  expect(imported.status).toBe(201);
  expect(imported.body.signals.signalled).toContain(id);

  await waitFor(async () => (await clock(id, 'rectification:rec-1')).due === expected);
  const after = await clock(id, 'rectification:rec-1');
  expect(after).toMatchObject({ due: expected, provisional: false });
  expect(await clock(id, 'reply:rec-1')).toMatchObject({ due: replyBefore.due });

  const state = await system.temporal.workflow.getHandle(caseWorkflowId(id)).query(caseStateQuery);
  const dMinus7 = state.clocks['rectification:rec-1']!.reminders.find((r) => r.stepId === 'd-7')!;
  // Seven days before the new due date, or the last working day before that, at 09:00.
  const sentOn = shanghaiDate(new Date(dMinus7.fireAt));
  expect(sentOn <= addDays(expected, -7) && sentOn >= addDays(expected, -10)).toBe(true);
  expect(dMinus7.fireAt).toBe(shanghaiInstant(sentOn, 9 * 60).getTime());

  const kinds = (await prosecutor.get(`/api/cases/${id}/timeline`)).body.entries.map(
    (e: { kind: string }) => e.kind,
  );
  expect(kinds).toContain('clocks_recomputed');
  await system.mail.waitFor((ms) =>
    ms.some((m) => m.subject.includes(`期限已重新计算：${id}`) && m.to[0] === org.prosecutor.email),
  );
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
