/**
 * A long-lived case continues as new when the server suggests it, carrying its state: the
 * timeline goes on from the same sequence and a repeated idempotency key still returns the
 * first result. A dedicated dev server suggests continue-as-new after 60 events, or once the
 * history passes 200 kB (which one large signal does at a moment the test chooses).
 */
import { randomBytes } from 'node:crypto';
import {
  Client,
  Connection,
  type WorkflowExecutionDescription,
  type WorkflowHandle,
} from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { verifyChain } from '../../store/audit/verify';
import { computeClock } from '../../calendar/compute-clock';
import { createCalendarStore, type CalendarStore } from '../../calendar/store';
import { timelineOf } from '../../store/timeline';
import type { Db } from '../../store/pool';
import { createMailer } from '../../mail/mailer';
import { startMailCatcher } from '../../dev/mail-catcher';
import { freePort, startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-dev-server';
import { withOverriddenLengths } from '../../domain/period';
import { createCaseWorker } from '../../worker/create-worker';
import {
  ACTION_UPDATES,
  awaitRegistrationUpdate,
  caseStateQuery,
  caseWorkflowId,
  recomputeClocksSignal,
  type NewCaseInput,
  type RecomputeClocksRequest,
} from '../../workflows/contract';
import { actorOf, newCaseInput } from '../helpers/case-driver';
import { createTestOrg, type TestOrg } from '../helpers/fixtures';
import { recordingHistories, saveHistory } from '../helpers/histories';
import { eventually } from '../helpers/npm-start';
import { quietRuntime, testDb, workflowBundle } from '../helpers/system';
import { temporalCliPath } from '../helpers/tools';

const SUGGEST_AFTER_BYTES = 200_000;
let server: TemporalDevServer;

beforeAll(async () => {
  quietRuntime();
  server = await startTemporalDevServer({
    cliPath: temporalCliPath(),
    port: await freePort(),
    dynamicConfig: {
      'limit.historyCount.suggestContinueAsNew': 60,
      'limit.historySize.suggestContinueAsNew': SUGGEST_AFTER_BYTES,
    },
  });
});
afterAll(() => server.stop());

interface Started {
  db: Db;
  org: TestOrg;
  input: NewCaseInput;
  handle: WorkflowHandle;
  firstRunId: string;
}

/** A worker on a fresh queue, over `calendar` (the stored one unless given), and one registered case. */
async function withRegisteredCase(
  fn: (started: Started) => Promise<void>,
  calendarOf: (db: Db) => CalendarStore = createCalendarStore,
): Promise<void> {
  const db = testDb();
  const mail = await startMailCatcher({ port: 0 });
  const mailer = createMailer({ smtpUrl: mail.url, from: 'duban@test.example' });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const taskQueue = `can-${randomBytes(4).toString('hex')}`;
  const activities = createActivities({
    db,
    mailer,
    calendar: calendarOf(db),
    publicUrl: 'http://duban.test',
  });
  const worker = await createCaseWorker({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    activities,
    workflowBundle: await workflowBundle(),
  });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const org = await createTestOrg(db);
  const input = newCaseInput(org);
  try {
    await worker.runUntil(async () => {
      const first = await client.workflow.start('caseWorkflow', {
        taskQueue,
        workflowId: caseWorkflowId(input.caseId),
        args: [input],
      });
      await first.executeUpdate(awaitRegistrationUpdate);
      const handle = client.workflow.getHandle(caseWorkflowId(input.caseId));
      await fn({ db, org, input, handle, firstRunId: first.firstExecutionRunId });
      // The first run, which continued as new, for the replay gate.
      if (recordingHistories())
        await saveHistory(handle.client.getHandle(handle.workflowId, first.firstExecutionRunId), 0);
      await handle.terminate('test finished');
    });
  } finally {
    await workerConnection.close();
    await connection.close();
    mailer.close();
    await mail.stop();
    await db.close();
  }
}

it('continues as new and carries the case: sequence, state and idempotency keys', async () => {
  await withRegisteredCase(async ({ db, org, input, handle, firstRunId }) => {
    const note = (n: number, key = `note-${n}`) =>
      handle.executeUpdate(ACTION_UPDATES.addNote, {
        args: [{ actor: actorOf(org.prosecutor), idempotencyKey: key, payload: { text: `第${n}次沟通` } }],
      });
    const firstResult = await note(0);
    // ~5 history events per note: the server suggests continuing after a dozen; allow slack.
    let n = 1;
    for (; n <= 120 && (await handle.describe()).runId === firstRunId; n++) await note(n);
    expect((await handle.describe()).runId).not.toBe(firstRunId);

    const repeated = await note(99, 'note-0');
    expect(repeated).toEqual(firstResult);
    const after = await note(n);
    const state = await handle.query(caseStateQuery);
    expect(state.seq).toBe(after.seq);
    expect(state.clocks.lead_evaluation?.status).toBe('running');
    const rows = await timelineOf(db, input.caseId);
    expect(verifyChain(rows)).toEqual({ ok: true, entries: rows.length });
    expect(rows.filter((r) => r.kind === 'addNote')).toHaveLength(n + 1);
    expect(await startedInputOf(handle)).not.toHaveProperty('description');
  });
});

it('finishes a recompute signalled as continue-as-new is suggested, before the case continues', async () => {
  const catalogue = lengtheningCatalogue();
  await withRegisteredCase(async ({ db, input, handle, firstRunId }) => {
    const before = (await handle.query(caseStateQuery)).clocks.lead_evaluation?.due;
    // Nothing else in flight (the acknowledgement mail delivered), so only the recompute could
    // hold the case back from continuing as new.
    const idle = await eventually(
      () => handle.describe(),
      ({ raw }) => isIdle(raw),
      30_000,
    );
    expect(isIdle(idle.raw)).toBe(true);
    catalogue.lengthen();
    // The signal's own size takes the history past the limit: the server suggests continuing
    // as new in the very task that starts the recompute.
    const request = { ...RECOMPUTE, padding: 'x'.repeat(SUGGEST_AFTER_BYTES * 2) };
    await handle.signal(recomputeClocksSignal, request);
    const runId = await eventually(
      async () => (await handle.describe()).runId,
      (id) => id !== firstRunId,
      30_000,
    );
    expect(runId).not.toBe(firstRunId);

    const clock = (await handle.query(caseStateQuery)).clocks.lead_evaluation;
    const dueBy = async (calendar: CalendarStore) =>
      (
        await computeClock(calendar, {
          clockId: 'lead_evaluation',
          start: input.receivedOn,
          length: { source: 'default' },
          adjustments: {},
          now: Date.now(),
        })
      ).due;
    expect(before).toBe(await dueBy(createCalendarStore(db)));
    expect(clock?.due).toBe(await dueBy(catalogue.calendarOf(db)));
    expect(clock?.due).not.toBe(before);
    const recomputed = (await timelineOf(db, input.caseId)).filter((r) => r.kind === 'clocks_recomputed');
    expect(recomputed).toHaveLength(1);
  }, catalogue.calendarOf);
});

const RECOMPUTE: RecomputeClocksRequest = {
  reason: '期限目录调整',
  versions: { catalogue: 'clocks-lengthened' },
  actorId: 'system',
};

/** The stored calendar, whose lead evaluation lasts 45 days instead of 30 once `lengthen` is called. */
function lengtheningCatalogue() {
  let lengthened = false;
  return {
    lengthen: () => {
      lengthened = true;
    },
    calendarOf: (db: Db): CalendarStore => {
      const stored = createCalendarStore(db);
      return {
        ...stored,
        async snapshot() {
          const snapshot = await stored.snapshot();
          if (!lengthened) return snapshot;
          const overrides = { lead_evaluation: { defaultLength: { unit: 'days' as const, count: 45 } } };
          return { ...snapshot, catalogue: withOverriddenLengths(snapshot.catalogue, overrides) };
        },
      };
    },
  };
}

/** No activity running and no workflow task waiting. */
function isIdle(raw: WorkflowExecutionDescription['raw']): boolean {
  return (raw.pendingActivities ?? []).length === 0 && !raw.pendingWorkflowTask;
}

/** The input the current run was started with, as the server recorded it. */
async function startedInputOf(handle: WorkflowHandle): Promise<Record<string, unknown>> {
  const history = await handle.fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return JSON.parse(Buffer.from(payload!.data!).toString('utf8')) as Record<string, unknown>;
}
