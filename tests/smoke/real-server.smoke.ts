// The production engine: the Temporal server with its state in PostgreSQL, its schema created and
// its namespace and search attributes set up by duban's own code, under the real worker and API
// processes. One installation for the file; each test leaves it healthy for the next.
import { randomBytes } from 'node:crypto';
import { addDays } from '../../domain/period';
import { startWorkerProcess, waitUntil } from '../helpers/processes';
import { inParallel, settleAndCheck, useScenario } from '../faults/support/scenario';
import { act, createBackfilledCase, OVERDUE_LADDER, retrying, today } from '../faults/support/world';

const s = useScenario('smoke', { engine: 'server' });
const ago = (days: number) => addDays(today(), -days);

it('when a case goes through the administrative procedure by the API, then every step is recorded and the stage follows', async () => {
  const id = await createBackfilledCase(s.world, 130);
  const organId = s.world.org.organs.eco;
  const { prosecutor, chief } = s.world;
  const steps: [typeof prosecutor, string, Record<string, unknown>][] = [
    [prosecutor, 'proposeFiling', { reason: '线索查证属实', proposedOn: ago(125) }],
    [chief, 'decideFiling', { approve: true, decidedOn: ago(125), reason: '符合立案条件' }],
    [prosecutor, 'recordFilingService', { servedOn: ago(123), organIds: [organId] }],
    [prosecutor, 'recordInvestigation', { on: ago(120), summary: '现场勘查、调取执法卷宗' }],
    [
      prosecutor,
      'proposeRecommendation',
      {
        reason: '行政机关未依法全面履行监督管理职责',
        proposedOn: ago(110),
        recommendations: [
          {
            organId,
            urgent: false,
            rectificationPeriod: { unit: 'months', count: 2 },
            summary: '依法查处违规堆放固体废物',
          },
        ],
      },
    ],
    [chief, 'decideRecommendation', { approve: true, decidedOn: ago(110), reason: '同意' }],
    [
      prosecutor,
      'recordRecommendationService',
      { recommendationId: 'rec-1', servedOn: ago(108), receivedOn: ago(108) },
    ],
    [prosecutor, 'recordRecommendationFiledAbove', { recommendationId: 'rec-1', filedOn: ago(107) }],
    [
      prosecutor,
      'recordReply',
      { recommendationId: 'rec-1', repliedOn: ago(60), claim: 'rectified', summary: '已清运全部固体废物' },
    ],
    [
      prosecutor,
      'recordFinding',
      {
        recommendationId: 'rec-1',
        checkedOn: ago(40),
        result: 'rectified',
        reasons: [],
        summary: '实地复查：建议事项已全部整改到位',
      },
    ],
  ];
  for (const [client, action, body] of steps) {
    const res = await act(s.world, client, id, action, body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const view = await prosecutor.get(`/api/cases/${id}`);
  expect(view.status).toBe(200);
  // Rectified in time: the case ends, and its revisit (回头看) is scheduled.
  expect(view.body.stage).toBe('CLOSED');
  const kinds = (
    await s.cluster.db.query<{ kind: string }>(
      'SELECT kind FROM audit_entries WHERE case_id = $1 ORDER BY seq',
      [id],
    )
  ).map((r) => r.kind);
  for (const [, action] of steps) expect(kinds).toContain(action);
  await settleAndCheck(s, 'smoke lifecycle', { caseIds: [id] });
});

it('when a reminder falls due, then its mail is sent exactly once', async () => {
  const id = await createBackfilledCase(s.world, 60);
  await settleAndCheck(s, 'smoke reminders', { caseIds: [id] });
  const reminders = await s.cluster.db.query(
    "SELECT 1 FROM mail_outbox WHERE case_id = $1 AND sent_at IS NOT NULL AND kind = 'reminder'",
    [id],
  );
  expect(reminders).toHaveLength(OVERDUE_LADDER.length);
});

it('when the worker is killed mid-case and started again, then every action is there once', async () => {
  const ids = [await createBackfilledCase(s.world, 60), await createBackfilledCase(s.world, 60)];
  const jobs = ids.flatMap((id) => [0, 1, 2, 3, 4, 5].map((n) => ({ id, n })));
  let answered = 0;
  const crash = waitUntil('a third of the notes answered', () => answered >= jobs.length / 3, {
    timeoutMs: 120_000,
    intervalMs: 20,
  }).then(async () => {
    await s.cluster.worker!.kill9();
    await s.cluster.startWorker();
  });
  const statuses = await inParallel(jobs, 4, async ({ id, n }) => {
    const res = await act(s.world, s.world.prosecutor, id, 'addNote', { text: `冒烟 ${n}` });
    answered += 1;
    return res.status;
  });
  await crash;
  expect(statuses.every((status) => status === 200)).toBe(true);
  await settleAndCheck(s, 'smoke worker killed', { caseIds: ids, allowedDuplicates: 1 });
});

it('when two workers poll one task queue, then both serve and each action is applied once', async () => {
  const second = await startWorkerProcess(s.cluster.env, s.cluster.logFile('worker-2'));
  try {
    const pollers = await waitUntil('two workers polling the case task queue', async () => {
      const { pollers } = await s.cluster.temporal.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: s.cluster.env.taskQueue },
      });
      return pollers.length >= 2 && pollers;
    });
    expect(new Set(pollers.map((p) => p.identity)).size).toBeGreaterThanOrEqual(2);
    const ids = await Promise.all([0, 1, 2].map(() => createBackfilledCase(s.world, 45)));
    const statuses = await inParallel(
      ids.flatMap((id) => [0, 1, 2].map((n) => ({ id, n }))),
      6,
      async ({ id, n }) =>
        (await act(s.world, s.world.prosecutor, id, 'addNote', { text: `两个工作进程 ${n}` })).status,
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    await settleAndCheck(s, 'smoke two workers', { caseIds: ids });
  } finally {
    await second.stop();
  }
});

it('when the worker is stalled, then a registration and an action answer 202 or 503 in time, and retries settle once', async () => {
  const id = await createBackfilledCase(s.world, 20);
  const worker = s.cluster.worker!;
  worker.child.kill('SIGSTOP');
  const createKey = randomBytes(8).toString('hex');
  const externalRef = `smoke-stalled-${randomBytes(4).toString('hex')}`;
  const lead = {
    title: '工作进程停顿时登记的线索',
    description: '冒烟测试',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today(),
    externalRef,
  };
  const noteKey = randomBytes(8).toString('hex');
  try {
    for (const send of [
      () => s.world.prosecutor.post('/api/cases', lead, { 'idempotency-key': createKey }),
      () =>
        s.world.prosecutor.post(
          `/api/cases/${id}/actions/addNote`,
          { text: '停顿中的记录' },
          { 'idempotency-key': noteKey },
        ),
    ]) {
      const started = Date.now();
      const res = await send();
      // The API's deadline (ANSWER_TIMEOUT_SECONDS, 10 s by default) and a margin for the machine.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect([202, 503]).toContain(res.status);
    }
  } finally {
    worker.child.kill('SIGCONT');
  }
  const created = await retrying(() =>
    s.world.prosecutor.post('/api/cases', lead, { 'idempotency-key': createKey }),
  );
  expect(created.status).toBe(201);
  s.world.caseIds.push(created.body.id);
  const note = await act(s.world, s.world.prosecutor, id, 'addNote', { text: '停顿中的记录' }, noteKey);
  expect(note.status).toBe(200);
  const [cases] = await s.cluster.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM case_creations WHERE external_ref = $1',
    [externalRef],
  );
  expect(cases!.n).toBe(1);
  const notes = await s.cluster.db.query(
    "SELECT 1 FROM audit_entries WHERE case_id = $1 AND kind = 'addNote' AND data->>'text' = '停顿中的记录'",
    [id],
  );
  expect(notes).toHaveLength(1);
  await settleAndCheck(s, 'smoke stalled worker', { caseIds: [id, created.body.id] });
});
