/**
 * The case page answers from the read model: the workflow's state as the journal stored it with
 * the timeline shows the same proposal, escalations, litigation, alerts and offered actions as the
 * workflow itself holds. A case whose state was never stored asks its workflow once and keeps the
 * answer; with the worker stopped, the page still answers.
 */
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { createApp } from '../../api/app';
import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { availableActions } from '../../domain/case/actions';
import { openAlerts, type CaseState } from '../../domain/case/model';
import { shanghaiDate } from '../../domain/time';
import { createMailer, type Mailer } from '../../mail/mailer';
import type { Db } from '../../store/pool';
import { caseStateQuery, caseWorkflowId } from '../../workflows/contract';
import { actorOf } from '../helpers/case-driver';
import { createTestOrg, type TestOrg, type TestUser } from '../helpers/fixtures';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { waitUntil } from '../helpers/processes';
import { refuseEntries } from '../helpers/refuse-entries';
import { quietRuntime, startCaseWorker, testDb } from '../helpers/system';
import { chain } from './cases/stage-paths';

const ANSWER_MS = 2000;
const taskQueue = `page-${randomBytes(4).toString('hex')}`;
let db: Db;
let mail: MailCatcher;
let mailer: Mailer;
let connection: Connection;
let temporal: Client;
let worker: Awaited<ReturnType<typeof startCaseWorker>> | undefined;
let server: Server;
let org: TestOrg;
let staff: Record<'prosecutor' | 'chief', ApiClient>;

beforeAll(async () => {
  quietRuntime();
  db = testDb();
  mail = await startMailCatcher({ port: 0 });
  mailer = createMailer({ smtpUrl: mail.url, from: 'duban@test.example' });
  connection = await Connection.connect({ address: process.env.DUBAN_TEST_TEMPORAL_ADDRESS! });
  temporal = new Client({ connection, namespace: 'default' });
  worker = await startCaseWorker({ db, mailer, taskQueue });
  const app = createApp({
    db,
    temporal,
    mailer,
    log: pino({ level: 'silent' }),
    taskQueue,
    authSecret: randomBytes(32).toString('hex'),
    answerTimeoutMs: ANSWER_MS,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  org = await createTestOrg(db);
  staff = {
    prosecutor: await ApiClient.login(baseUrl, org.prosecutor),
    chief: await ApiClient.login(baseUrl, org.chief),
  };
});

afterAll(async () => {
  await worker?.stop();
  await new Promise((r) => server?.close(r));
  await connection?.close();
  mailer?.close();
  await mail?.stop();
  await db?.close();
});

const STATE_FIELDS = ['proposal', 'escalations', 'alerts', 'litigation', 'majorLead', 'transfers'] as const;

/** What the page shows of the workflow's state and what it offers `user`. */
async function pageOf(id: string, who: keyof typeof staff) {
  const res = await staff[who].get(`/api/cases/${id}`);
  expect(res.status).toBe(200);
  const fields = Object.fromEntries(STATE_FIELDS.map((f) => [f, res.body[f]]));
  return { ...fields, availableActions: res.body.availableActions as string[] };
}

/** The same, worked out from the workflow's own state as its query answers. */
function expectedFrom(live: CaseState, user: TestUser) {
  return {
    proposal: live.proposal ?? null,
    escalations: live.escalations,
    alerts: openAlerts(live),
    litigation: live.litigation ?? null,
    majorLead: live.majorLead ?? null,
    transfers: live.transfers ?? [],
    availableActions: availableActions(live, actorOf(user), shanghaiDate(new Date())),
  };
}

/** The workflow's state once the read model holds its last timeline entry. */
async function settled(id: string): Promise<CaseState> {
  const handle = temporal.workflow.getHandle(caseWorkflowId(id));
  return waitUntil(`case ${id} written`, async () => {
    const live = await handle.query(caseStateQuery);
    const [row] = await db.query<{ seq: number }>('SELECT last_seq AS seq FROM cases WHERE id = $1', [id]);
    return row?.seq === live.seq ? live : undefined;
  });
}

async function expectPageAsWorkflow(id: string): Promise<CaseState> {
  const live = await settled(id);
  expect(await pageOf(id, 'prosecutor')).toEqual(expectedFrom(live, org.prosecutor));
  expect(await pageOf(id, 'chief')).toEqual(expectedFrom(live, org.chief));
  return live;
}

let litigated: string;

it('when a case is taken from a lead to a decided suit, then after every step its page shows what its workflow holds', async () => {
  litigated = await registerLead(staff.prosecutor);
  await expectPageAsWorkflow(litigated);
  const seen = { proposal: false, litigation: false };
  for (const step of chain('litigation').steps) {
    const res = await staff[step.by].postSettled(
      `/api/cases/${litigated}/actions/${step.action}`,
      step.body(org, shanghaiDate(new Date())),
    );
    expect({ step: step.action, status: res.status }).toEqual({ step: step.action, status: 200 });
    const live = await expectPageAsWorkflow(litigated);
    seen.proposal ||= live.proposal !== undefined;
    seen.litigation ||= live.litigation !== undefined;
  }
  expect(seen).toEqual({ proposal: true, litigation: true });

  // An alert is written on its own, after the last stored state: the page shows it and offers to acknowledge it.
  const allow = await refuseEntries(db, litigated, 'addNote');
  const refused = await staff.prosecutor.post(`/api/cases/${litigated}/actions/addNote`, { text: '拒收' });
  await allow();
  expect(refused.status).toBe(422);
  await waitUntil('the alert recorded', async () => {
    const rows = await db.query('SELECT 1 FROM case_alerts WHERE case_id = $1', [litigated]);
    return rows.length > 0;
  });
  const live = await expectPageAsWorkflow(litigated);
  expect(openAlerts(live)).toHaveLength(1);
  expect((await pageOf(litigated, 'prosecutor')).availableActions).toContain('acknowledgeAlert');
});

let unstored: string;
let unstoredStage: string;

it('when a case has no stored state (its last entry predates it), then its page asks the workflow and keeps the answer', async () => {
  unstored = await registerLead(staff.prosecutor);
  const filing = await staff.prosecutor.postSettled(`/api/cases/${unstored}/actions/proposeFiling`, {
    reason: '线索查证属实',
  });
  expect(filing.status).toBe(200);
  const live = await settled(unstored);
  unstoredStage = live.stage;
  await db.query('DELETE FROM case_states WHERE case_id = $1', [unstored]);

  expect(await pageOf(unstored, 'prosecutor')).toEqual(expectedFrom(live, org.prosecutor));
  const [kept] = await db.query<{ seq: number; state: CaseState }>(
    'SELECT seq, state FROM case_states WHERE case_id = $1',
    [unstored],
  );
  expect(kept?.seq).toBe(live.seq);
  expect(kept?.state.proposal).toEqual(live.proposal);
  await db.query('DELETE FROM case_states WHERE case_id = $1', [unstored]);
});

it('when the worker is stopped, then the page of a case still shows its state and actions, and one without a stored state shows its read model within the deadline', async () => {
  const live = await settled(litigated);
  await worker!.stop();
  worker = undefined;

  expect(await pageOf(litigated, 'prosecutor')).toEqual(expectedFrom(live, org.prosecutor));
  expect(await pageOf(litigated, 'chief')).toEqual(expectedFrom(live, org.chief));

  const started = Date.now();
  const res = await staff.prosecutor.get(`/api/cases/${unstored}`);
  expect(res.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(ANSWER_MS + 3000);
  expect(res.body).toMatchObject({
    id: unstored,
    stage: unstoredStage,
    proposal: null,
    availableActions: [],
  });
  expect(res.body.clocks.map((c: { key: string }) => c.key)).toContain('lead_evaluation');
});
