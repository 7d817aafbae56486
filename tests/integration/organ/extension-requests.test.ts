/**
 * The organ's request for more time, over the real API, worker, PostgreSQL and SMTP: the handler,
 * who decides it, is notified and mailed (a mail nobody may switch off), and a reminder of the
 * rectification period that falls while the request is undecided reminds them of it; decided,
 * the next reminder says nothing of it. An action naming a deactivated organ is refused with a
 * 422 that names the organ, and the case is left as it was.
 */
import { randomBytes } from 'node:crypto';
import type { CaughtMail } from '../../../dev/mail-catcher';
import { shanghaiDate } from '../../../domain/time';
import { deliverQueuedMail } from '../../../mail/deliver';
import { createMailer } from '../../../mail/mailer';
import type { CaseProjection } from '../../../store/cases';
import { recordNotices } from '../../../store/notify';
import { ApiClient, type ApiResponse } from '../../helpers/http';
import { registerLead } from '../../helpers/leads';
import { OrganClient, organLinkMailed } from '../../helpers/organ-client';
import { useWorld } from '../../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;
let chief: ApiClient;
let admin: ApiClient;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  const login = (u: { username: string }) => ApiClient.login(world.system.baseUrl, u);
  [prosecutor, chief, admin] = await Promise.all([
    login(world.org.prosecutor),
    login(world.org.chief),
    login(world.org.admin),
  ]);
});

async function act(client: ApiClient, caseId: string, action: string, body: object): Promise<ApiResponse> {
  const key = { 'idempotency-key': randomBytes(12).toString('hex') };
  let res: ApiResponse;
  let tries = 0;
  do res = await client.post(`/api/cases/${caseId}/actions/${action}`, body, key);
  while (res.status === 202 && (tries += 1) < 10);
  return res;
}

async function done(client: ApiClient, caseId: string, action: string, body: object): Promise<void> {
  const res = await act(client, caseId, action, body);
  expect({ action, status: res.status, body: res.body }).toMatchObject({ status: 200 });
}

/** A recommendation to the eco bureau, issued, its link mailed, received online by the organ. */
async function receivedCase(title: string): Promise<{ caseId: string; organ: OrganClient }> {
  const caseId = await registerLead(prosecutor, { title });
  await done(prosecutor, caseId, 'proposeFiling', { reason: '线索查证属实' });
  await done(chief, caseId, 'decideFiling', { approve: true, decidedOn: today, reason: '同意立案' });
  await done(prosecutor, caseId, 'recordInvestigation', { on: today, summary: '现场勘查，固废仍在堆放' });
  await done(prosecutor, caseId, 'proposeRecommendation', {
    reason: '行政机关未依法查处',
    recommendations: [
      {
        organId: world.org.organs.eco,
        rectificationPeriod: { unit: 'months', count: 2 },
        summary: '依法查处',
      },
    ],
  });
  await done(chief, caseId, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意发出' });
  const address = `${world.org.organs.eco}@organ.example`;
  const organ = new OrganClient(
    world.system.baseUrl,
    world.system.mail,
    await organLinkMailed(world.system.mail, caseId, address),
  );
  await organ.signIn(address);
  expect(
    (await organ.send('POST', '/api/organ/recommendation/receipt', { confirmedBy: '张科长' })).status,
  ).toBe(200);
  return { caseId, organ };
}

const lastSeq = async (caseId: string) =>
  (
    await world.system.db.query<{ seq: number }>(
      'SELECT max(seq) AS seq FROM audit_entries WHERE case_id = $1',
      [caseId],
    )
  )[0]!.seq;

/** What the rectification reminder `step` days off the due date notifies, as the journal would write it. */
async function remindRectification(caseId: string, due: string, title: string): Promise<string[]> {
  const seq = (await lastSeq(caseId)) + 1000;
  const projection = { title, handlerId: world.org.prosecutor.id, summary: {} } as unknown as CaseProjection;
  return world.system.db.withTransaction((tx) =>
    recordNotices(tx, 'http://duban.example', {
      caseId,
      procuratorateId: world.org.procuratorateId,
      entries: [
        {
          caseId,
          seq,
          at: new Date().toISOString(),
          actorId: 'system',
          kind: 'reminder',
          stage: 'FOLLOW_UP',
          data: { clockKey: 'rectification:rec-1', due, step: 'd-7', recipients: ['handler'] },
        },
      ],
      projection,
    }),
  );
}

it('when the organ asks for more time, then the handler who decides it is mailed, and reminded before the period lapses until they decide', async () => {
  const title = `延期申请测试案${randomBytes(3).toString('hex')}`;
  const { caseId, organ } = await receivedCase(title);
  const locked = await prosecutor.request('PUT', '/api/notifications/preferences', {
    choices: [{ kind: 'extension_requested', byMail: false }],
  });
  expect(locked.status).toBe(422);

  const view = await organ.send('GET', '/api/organ/recommendation');
  const due = view.body.rectificationDue as string;
  const until = `${Number(due.slice(0, 4)) + 1}${due.slice(4)}`;
  const asked = await organ.send('POST', '/api/organ/recommendation/extension-requests', {
    until,
    reasons: '清运需完成招投标',
  });
  expect(asked.status).toBe(200);

  const bell = await prosecutor.get('/api/notifications?unread=true');
  const mine = (
    bell.body.items as { kind: string; caseId: string; headline: string; detail: string }[]
  ).filter((n) => n.caseId === caseId && n.kind !== 'proposal_decided');
  expect(mine).toEqual([
    expect.objectContaining({
      kind: 'extension_requested',
      headline: `「${title}」区生态环境局申请将整改期限延长至 ${until}，待您决定`,
    }),
  ]);
  expect(mine[0]!.detail).toContain(`现整改期限 ${due} 届满`);
  const to = world.org.prosecutor.email;
  const about = (text: string) => (m: CaughtMail[]) =>
    m.filter((x) => x.to.includes(to) && x.subject.includes(title) && x.subject.includes(text));
  await world.system.mail.waitFor((m) => about('，待您决定')(m).length === 1);

  // A reminder of the rectification period while the request waits: the handler is reminded of it.
  const keys = await remindRectification(caseId, due, title);
  expect(keys).toHaveLength(1);
  const mailer = createMailer({ smtpUrl: world.system.mail.url, from: 'duban@test.example' });
  try {
    await deliverQueuedMail(world.system.db, mailer, keys);
  } finally {
    mailer.close();
  }
  const reminded = await world.system.mail.waitFor((m) => about('尚待您决定')(m).length === 1);
  expect(about('尚待您决定')(reminded)[0]!.text).toContain(`整改期限将于 ${due} 届满；届满后只能不准延期`);

  // Decided: a later reminder says nothing of it.
  await done(prosecutor, caseId, 'decideRectificationExtension', {
    recommendationId: 'rec-1',
    decision: 'refused',
    reason: '理由不充分',
  });
  expect(await remindRectification(caseId, due, title)).toEqual([]);
  expect(about('，待您决定')(world.system.mail.messages)).toHaveLength(1);
});

it('when an action names a deactivated organ, then it is refused with a 422 naming the organ, and nothing is recorded', async () => {
  const caseId = await registerLead(prosecutor, { title: `停用机关测试案${randomBytes(3).toString('hex')}` });
  const { market } = world.org.organs;
  const off = await admin.request('PATCH', `/api/organs/${market}`, { active: false });
  expect(off.status).toBe(200);
  const before = await lastSeq(caseId);
  try {
    const refused = await act(prosecutor, caseId, 'recordConsultation', {
      heldOn: today,
      organId: market,
      outcome: 'organ_will_rectify',
      summary: '与该局磋商',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/^行政机关「区市场监督管理局」已于 \d{4}-\d{2}-\d{2} 停用/);
    expect(await lastSeq(caseId)).toBe(before);
  } finally {
    expect((await admin.request('PATCH', `/api/organs/${market}`, { active: true })).status).toBe(200);
  }
});
