/**
 * A long-lived case continues as new when the server suggests it, carrying its state: the
 * timeline goes on from the same sequence and a repeated idempotency key still returns the
 * first result. A dedicated dev server suggests continue-as-new after 60 events.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { verifyChain } from '../../store/audit/verify';
import { createCalendarStore } from '../../calendar/store';
import { timelineOf } from '../../store/timeline';
import { createMailer } from '../../mail/mailer';
import { startMailCatcher } from '../../dev/mail-catcher';
import { freePort, startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-dev-server';
import { createCaseWorker } from '../../worker/create-worker';
import {
  ACTION_UPDATES,
  awaitRegistrationUpdate,
  caseStateQuery,
  caseWorkflowId,
} from '../../workflows/contract';
import { actorOf, newCaseInput } from '../helpers/case-driver';
import { createTestOrg } from '../helpers/fixtures';
import { quietRuntime, testDb, workflowBundle } from '../helpers/system';
import { temporalCliPath } from '../helpers/tools';

let server: TemporalDevServer;

beforeAll(async () => {
  quietRuntime();
  server = await startTemporalDevServer({
    cliPath: temporalCliPath(),
    port: await freePort(),
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
  });
});
afterAll(() => server.stop());

it('continues as new and carries the case: sequence, state and idempotency keys', async () => {
  const db = testDb();
  const mail = await startMailCatcher({ port: 0 });
  const mailer = createMailer({ smtpUrl: mail.url, from: 'duban@test.example' });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const taskQueue = `can-${randomBytes(4).toString('hex')}`;
  const worker = await createCaseWorker({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({
      db,
      mailer,
      calendar: createCalendarStore(db),
      publicUrl: 'http://duban.test',
    }),
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
      const note = (n: number, key = `note-${n}`) =>
        handle.executeUpdate(ACTION_UPDATES.addNote, {
          args: [{ actor: actorOf(org.prosecutor), idempotencyKey: key, payload: { text: `第${n}次沟通` } }],
        });
      const firstResult = await note(0);
      // ~5 history events per note: the server suggests continuing after a dozen; allow slack.
      let n = 1;
      for (; n <= 120 && (await handle.describe()).runId === first.firstExecutionRunId; n++) await note(n);
      expect((await handle.describe()).runId).not.toBe(first.firstExecutionRunId);

      const repeated = await note(99, 'note-0');
      expect(repeated).toEqual(firstResult);
      const after = await note(n);
      const state = await handle.query(caseStateQuery);
      expect(state.seq).toBe(after.seq);
      expect(state.clocks.lead_evaluation?.status).toBe('running');
      const rows = await timelineOf(db, input.caseId);
      expect(verifyChain(rows)).toEqual({ ok: true, entries: rows.length });
      expect(rows.filter((r) => r.kind === 'addNote')).toHaveLength(n + 1);
      await handle.terminate('test finished');
    });
  } finally {
    await workerConnection.close();
    await connection.close();
    mailer.close();
    await mail.stop();
    await db.close();
  }
});
