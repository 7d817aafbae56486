// F6: a change to workflow code deployed while cases are open. The replay gate over the
// committed histories catches the change when it is not patched (negative control); behind
// patched() the same change replays every old history, and carries an open case and a new one.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createCalendarStore } from '../../calendar/store';
import { createMailer } from '../../mail/mailer';
import { caseWorkflowId } from '../../workflows/contract';
import { createCaseWorker } from '../../worker/create-worker';
import { HISTORIES_DIR, loadHistory } from '../helpers/histories';
import { quietRuntime, workflowBundle } from '../helpers/system';
import { settleAndCheck, useScenario, type Scenario } from './support/scenario';
import { bundleVariant } from './support/variants';
import { act, createBackfilledCase, today } from './support/world';

type History = temporal.api.history.v1.IHistory;
const committed = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json.gz'))
  .sort()
  .map((f) => ({ name: f, history: loadHistory(join(HISTORIES_DIR, f)) }));
/** A history in which a staff action (an update other than the registration) was accepted. */
const hasAction = (h: History) =>
  (h.events ?? []).some((e) => {
    const name = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
    return name !== undefined && name !== null && name !== 'awaitRegistration';
  });

/** Which of `histories` fail to replay on `bundle`, by name. */
async function replayFailures(bundle: { code: string }, histories: { name: string; history: History }[]) {
  const failed: string[] = [];
  for (const { name, history } of histories) {
    try {
      await Worker.runReplayHistory({ workflowBundle: bundle }, history, name);
    } catch {
      failed.push(name);
    }
  }
  return failed;
}

let unpatched: { code: string };
let patched: { code: string };
beforeAll(async () => {
  quietRuntime();
  [unpatched, patched] = [await bundleVariant('unpatched'), await bundleVariant('patched')];
});

it('has committed histories with staff actions to replay', () => {
  expect(committed.filter((c) => hasAction(c.history)).length).toBeGreaterThan(0);
});

it('when a breaking change is not patched, then the replay gate fails on every history with an action', async () => {
  expect(await replayFailures(await workflowBundle(), committed)).toEqual([]); // the gate passes today
  const failed = await replayFailures(unpatched, committed);
  expect(failed).toEqual(committed.filter((c) => hasAction(c.history)).map((c) => c.name));
});

it('when the change is behind patched(), then every committed history replays', async () => {
  expect(await replayFailures(patched, committed)).toEqual([]);
});

describe('deployed while cases are open', () => {
  const s = useScenario('f6');

  it('when the patched worker replaces the old one, then the open case carries on and a new case takes the new path', async () => {
    const open = await createBackfilledCase(s.world, 60);
    await act(s.world, s.world.prosecutor, open, 'proposeFiling', { reason: '线索查证属实' });
    await s.cluster.worker!.stop();

    const before = await s.cluster.temporal.workflow.getHandle(caseWorkflowId(open)).fetchHistory();
    expect(await replayFailures(unpatched, [{ name: open, history: before }])).toEqual([open]);

    await withPatchedWorker(s, async () => {
      await act(s.world, s.world.chief, open, 'decideFiling', {
        approve: true,
        decidedOn: today(),
        reason: '同意',
      });
      const fresh = await createBackfilledCase(s.world, 60);
      await act(s.world, s.world.prosecutor, fresh, 'addNote', { text: 'F6 新版本' });
      await settleAndCheck(s, 'F6 patched deployment');
      const markers = async (id: string) =>
        (
          (await s.cluster.temporal.workflow.getHandle(caseWorkflowId(id)).fetchHistory()).events ?? []
        ).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').length;
      expect(await markers(fresh)).toBeGreaterThan(0);
      for (const id of [open, fresh]) {
        const history = await s.cluster.temporal.workflow.getHandle(caseWorkflowId(id)).fetchHistory();
        expect(await replayFailures(patched, [{ name: id, history }])).toEqual([]);
      }
    });
  });
});

/** An in-process worker on the cluster's task queue running the patched bundle. */
async function withPatchedWorker(s: Scenario, work: () => Promise<void>): Promise<void> {
  const connection = await NativeConnection.connect({ address: s.cluster.env.temporalAddress });
  const mailer = createMailer({ smtpUrl: s.cluster.env.smtpUrl, from: '督办系统 <duban@test.example>' });
  const worker = await createCaseWorker({
    connection,
    namespace: 'default',
    taskQueue: s.cluster.env.taskQueue,
    activities: createActivities({
      db: s.cluster.db,
      mailer,
      calendar: createCalendarStore(s.cluster.db),
      publicUrl: 'http://duban.test',
    }),
    workflowBundle: patched,
  });
  try {
    await worker.runUntil(work());
  } finally {
    mailer.close();
    await connection.close();
  }
}
