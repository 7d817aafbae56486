/**
 * Notifications over the real API, worker, PostgreSQL and SMTP: one case goes through a proposal
 * the head reviews and the chief decides, a recommendation whose reply the head records, and a
 * handover. Each event gives its person exactly one notification under the bell and, where they
 * chose mail, exactly one mail; a kind switched off gives the notification and no mail. A journal
 * batch written again notifies nobody twice; legal clock reminders cannot be switched off.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../../api/auth/passwords';
import { shanghaiDate } from '../../../domain/time';
import type { CaseProjection } from '../../../store/cases';
import { recordNotices } from '../../../store/notify';
import { TEST_PASSWORD, type TestUser } from '../../helpers/fixtures';
import { ApiClient, type ApiResponse } from '../../helpers/http';
import { registerLead } from '../../helpers/leads';
import { useWorld } from '../../helpers/world';
import { expectDocumented } from '../api/helpers';

const world = useWorld();
const today = shanghaiDate(new Date());
let as: Record<'prosecutor' | 'head' | 'chief' | 'admin' | 'newcomer', ApiClient>;
let newcomer: TestUser;

async function addProsecutor(): Promise<TestUser> {
  const id = `u-${randomBytes(5).toString('hex')}`;
  const u = { id, username: `prosecutor-${id}`, email: `${id}@test.example`, roles: ['prosecutor' as const] };
  await world.system.db.query(
    `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, password_hash)
     VALUES ($1, $2, $3, '新来的检察官', $4, $5, $6)`,
    [u.id, world.org.procuratorateId, u.username, u.email, u.roles, await hashPassword(TEST_PASSWORD)],
  );
  return { ...u, procuratorateId: world.org.procuratorateId };
}

beforeAll(async () => {
  newcomer = await addProsecutor();
  const login = (u: { username: string }) => ApiClient.login(world.system.baseUrl, u);
  const { org } = world;
  as = {
    prosecutor: await login(org.prosecutor),
    head: await login(org.head),
    chief: await login(org.chief),
    admin: await login(org.admin),
    newcomer: await login(newcomer),
  };
});

/** A staff action; sent again with its key while the case answers 202 (accepted, still running under load). */
async function act(client: ApiClient, caseId: string, action: string, body: object): Promise<void> {
  const key = { 'idempotency-key': randomBytes(12).toString('hex') };
  let res: ApiResponse;
  let tries = 0;
  do res = await client.post(`/api/cases/${caseId}/actions/${action}`, body, key);
  while (res.status === 202 && (tries += 1) < 10);
  expect({ action, status: res.status, body: res.body }).toMatchObject({ status: 200 });
}

/** The notifications of one person on the case, as `kind headline`, oldest first. */
async function noticesOf(user: TestUser, caseId: string): Promise<string[]> {
  const rows = await world.system.db.query<{ kind: string; headline: string }>(
    'SELECT kind, headline FROM notifications WHERE user_id = $1 AND case_id = $2 ORDER BY id',
    [user.id, caseId],
  );
  return rows.map((r) => `${r.kind} ${r.headline}`);
}

/** The notification mail queued for one person on the case, by kind, oldest first. */
async function mailQueuedFor(user: TestUser, caseId: string): Promise<string[]> {
  const rows = await world.system.db.query<{ kind: string }>(
    `SELECT kind FROM mail_outbox WHERE recipient_user_id = $1 AND case_id = $2 AND kind LIKE 'notify_%' ORDER BY id`,
    [user.id, caseId],
  );
  return rows.map((r) => r.kind);
}

const caughtFor = (user: TestUser, title: string) =>
  world.system.mail.messages.filter((m) => m.to.includes(user.email) && m.subject.includes(title));

it('when switching off a reminder of a legal clock, then it is refused with a 422 naming it', async () => {
  const res = await as.prosecutor.request('PUT', '/api/notifications/preferences', {
    choices: [{ kind: 'clock_reminder', byMail: false }],
  });
  expect(res.status).toBe(422);
  expect(res.body.detail).toContain('法定期限提醒');
  const prefs = await as.prosecutor.get('/api/notifications/preferences');
  expectDocumented('GET', '/api/notifications/preferences', prefs);
  expect(prefs.body.items.find((i: { kind: string }) => i.kind === 'clock_reminder')).toMatchObject({
    byMail: true,
    locked: true,
  });
});

it('when a case goes through proposal, decision, reply and handover, then each event notifies its person once, and mails them once unless they switched it off', async () => {
  const { org } = world;
  const off = await as.prosecutor.request('PUT', '/api/notifications/preferences', {
    choices: [{ kind: 'proposal_decided', byMail: false }],
  });
  expect(off.status).toBe(200);
  expectDocumented('PUT', '/api/notifications/preferences', off);
  const policy = await as.admin.request('PUT', '/api/admin/decision-policy', {
    headReviewRequired: true,
    delegations: [],
  });
  expect(policy.status).toBe(200);

  const title = `通知测试案${randomBytes(3).toString('hex')}`;
  const caseId = await registerLead(as.prosecutor, { title });
  await act(as.prosecutor, caseId, 'proposeFiling', { reason: '线索查证属实' });
  await act(as.head, caseId, 'reviewProposal', { approve: true, reviewedOn: today, reasons: '同意' });
  await act(as.chief, caseId, 'decideFiling', { approve: true, decidedOn: today, reason: '同意立案' });

  expect(await noticesOf(org.head, caseId)).toEqual([`proposal_awaiting 「${title}」提请立案，待您审核`]);
  expect(await noticesOf(org.chief, caseId)).toEqual([`proposal_awaiting 「${title}」提请立案，待您决定`]);
  expect(await noticesOf(org.prosecutor, caseId)).toEqual([
    `proposal_decided 「${title}」您提请立案，已决定同意`,
  ]);
  expect(await mailQueuedFor(org.chief, caseId)).toEqual(['notify_proposal_awaiting']);
  expect(await mailQueuedFor(org.prosecutor, caseId)).toEqual([]);

  // The rest without the head's review: the recommendation, its service and the reply the head records.
  await as.admin.request('PUT', '/api/admin/decision-policy', { headReviewRequired: false, delegations: [] });
  await act(as.prosecutor, caseId, 'recordInvestigation', { on: today, summary: '现场勘查，固废仍在堆放' });
  await act(as.prosecutor, caseId, 'proposeRecommendation', {
    reason: '行政机关未依法查处',
    recommendations: [
      { organId: org.organs.eco, rectificationPeriod: { unit: 'months', count: 2 }, summary: '依法查处' },
    ],
  });
  await act(as.chief, caseId, 'decideRecommendation', {
    approve: true,
    decidedOn: today,
    reason: '同意发出',
  });
  await act(as.prosecutor, caseId, 'recordRecommendationService', {
    recommendationId: 'rec-1',
    servedOn: today,
    receivedOn: today,
  });
  await act(as.head, caseId, 'recordReply', {
    recommendationId: 'rec-1',
    repliedOn: today,
    claim: 'in_progress',
    summary: '正在整改',
  });
  await act(as.head, caseId, 'reassign', { handlerId: newcomer.id, reason: '工作调整' });

  expect(await noticesOf(org.prosecutor, caseId)).toEqual([
    `proposal_decided 「${title}」您提请立案，已决定同意`,
    `proposal_decided 「${title}」您提请发出检察建议，已决定同意`,
    `organ_reply 「${title}」已登记区生态环境局的书面回复`,
  ]);
  expect(await mailQueuedFor(org.prosecutor, caseId)).toEqual(['notify_organ_reply']);
  expect(await noticesOf(newcomer, caseId)).toEqual([`case_reassigned 「${title}」已交由您承办`]);
  expect(await noticesOf(org.head, caseId)).toHaveLength(1);

  // Over real SMTP: one mail per chosen event and person, none for the kind switched off.
  await world.system.mail.waitFor(
    () =>
      caughtFor(newcomer, '交由您承办').length === 1 &&
      caughtFor(org.prosecutor, '书面回复').length === 1 &&
      caughtFor(org.chief, '待您决定').length === 2,
  );
  expect(caughtFor(org.head, '待您审核')).toHaveLength(1);
  expect(caughtFor(org.prosecutor, '已决定')).toEqual([]);
  expect(caughtFor(newcomer, title)[0]!.text).toContain(`/cases/${caseId}`);

  // The handover's batch written again (a retried journal write) notifies nobody twice.
  const [entry] = await world.system.db.query<{
    seq: number;
    actor_id: string;
    data: Record<string, unknown>;
  }>(`SELECT seq, actor_id, data FROM audit_entries WHERE case_id = $1 AND kind = 'reassign'`, [caseId]);
  const projection = { title, handlerId: newcomer.id, summary: {} } as unknown as CaseProjection;
  const again = await world.system.db.withTransaction((tx) =>
    recordNotices(tx, world.system.baseUrl, {
      caseId,
      procuratorateId: org.procuratorateId,
      entries: [
        {
          caseId,
          seq: entry!.seq,
          at: today,
          actorId: entry!.actor_id,
          kind: 'reassign',
          stage: 'X',
          data: entry!.data,
        },
      ],
      projection,
    }),
  );
  expect(again).toHaveLength(1);
  expect(await noticesOf(newcomer, caseId)).toHaveLength(1);
  expect(await mailQueuedFor(newcomer, caseId)).toEqual(['notify_case_reassigned']);
});

it('when the newcomer opens the bell, then the handover is unread until marked read', async () => {
  const list = await as.newcomer.get('/api/notifications?unread=true');
  expect(list.status).toBe(200);
  expectDocumented('GET', '/api/notifications', list);
  expect(list.body.unread).toBe(1);
  expect(list.body.items).toHaveLength(1);
  expect(list.body.items[0]).toMatchObject({ kind: 'case_reassigned', readAt: null });
  // Another person cannot mark it read: ids are only ever the caller's own.
  const foreign = await as.prosecutor.post('/api/notifications/mark-read', { ids: [list.body.items[0].id] });
  expect(foreign.body.marked).toBe(0);
  const marked = await as.newcomer.post('/api/notifications/mark-read', { ids: [list.body.items[0].id] });
  expect(marked.status).toBe(200);
  expectDocumented('POST', '/api/notifications/mark-read', marked);
  expect(marked.body).toEqual({ marked: 1, unread: 0 });
  const after = await as.newcomer.get('/api/notifications');
  expect(after.body.items[0].readAt).not.toBeNull();
  expect(after.body.unread).toBe(0);
});

it('when a person has more notifications than a page, then the bell pages through them newest first with the total', async () => {
  const office = world.org.caseOffice;
  const headlines = Array.from({ length: 25 }, (_, i) => `第${i + 1}条通知`);
  for (const [i, headline] of headlines.entries())
    await world.system.db.query(
      `INSERT INTO notifications (user_id, event_key, kind, headline, read_at)
       VALUES ($1, $2, 'organ_reply', $3, CASE WHEN $4 THEN now() END)`,
      [office.id, `paging-${i}`, headline, i % 5 === 0],
    );
  const client = await ApiClient.login(world.system.baseUrl, office);
  const page = async (query: string) => {
    const res = await client.get(`/api/notifications?${query}`);
    expect(res.status).toBe(200);
    expectDocumented('GET', '/api/notifications', res);
    return res.body as { items: { headline: string }[]; total: number; unread: number };
  };
  const newestFirst = [...headlines].reverse();
  const first = await page('limit=10');
  const third = await page('limit=10&offset=20');
  expect(first).toMatchObject({ total: 25, unread: 20 });
  expect(first.items.map((n) => n.headline)).toEqual(newestFirst.slice(0, 10));
  expect(third.items.map((n) => n.headline)).toEqual(newestFirst.slice(20));
  expect((await page('limit=10&offset=30')).items).toEqual([]);
  // Unread only: the total counts what that filter lists.
  const unread = await page('unread=true&limit=10&offset=10');
  expect(unread.total).toBe(20);
  expect(unread.items.map((n) => n.headline)).toEqual(
    newestFirst.filter((_, i) => (24 - i) % 5 !== 0).slice(10, 20),
  );
  const wrong = await client.get('/api/notifications?offset=-1');
  expect(wrong.status).toBe(422);
  expect(wrong.body.errors[0].path).toBe('offset');
});
