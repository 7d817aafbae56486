// F8: an action carrying a character PostgreSQL cannot store is refused by the API and by the
// workflow's validator; an action whose data the database refuses all the same (a trigger stands
// for it) is refused within seconds with an alert on the case; the next note on the same case is
// answered within seconds; the reminders still go out.
import { randomBytes } from 'node:crypto';
import { ACTION_UPDATES, caseWorkflowId } from '../../workflows/contract';
import { actorOf } from '../helpers/case-driver';
import { refuseEntries } from '../helpers/refuse-entries';
import { settleAndCheck, useScenario } from './support/scenario';
import { act, createBackfilledCase } from './support/world';

const s = useScenario('f8');

const POISON = { text: 'bad \u0000 byte' };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work();
  return { ms: Date.now() - started, value };
}

it('when a poisoned action reaches a case, then it is refused with an alert and the case goes on serving', async () => {
  const caseId = await createBackfilledCase(s.world, 60);
  const { prosecutor } = s.world;

  // Through the API: refused as invalid input (by the API's own check or by the workflow's).
  const viaApi = await timed(() => act(s.world, prosecutor, caseId, 'addNote', POISON));
  expect(viaApi.value.status).toBe(422);
  expect(viaApi.ms).toBeLessThan(10_000);

  // Straight to the workflow, bypassing the API's validation: the workflow's validator refuses it.
  const handle = s.cluster.temporal.workflow.getHandle(caseWorkflowId(caseId));
  const envelope = { actor: actorOf(s.world.org.prosecutor), idempotencyKey: randomBytes(8).toString('hex') };
  const direct = await timed(() =>
    handle.executeUpdate(ACTION_UPDATES.addNote, { args: [{ ...envelope, payload: POISON }] }).then(
      () => undefined,
      (err: { cause?: { type?: string } }) => err.cause?.type,
    ),
  );
  expect(direct.value).toBe('InvalidPayload');
  expect(direct.ms).toBeLessThan(10_000);

  // Data the database refuses all the same.
  const allow = await refuseEntries(s.cluster.db, caseId, 'addNote');
  const rejected = await timed(() => act(s.world, prosecutor, caseId, 'addNote', { text: 'F8 数据库拒收' }));
  await allow();
  expect(rejected.value.status).toBe(422);
  expect(rejected.ms).toBeLessThan(10_000);

  const note = await timed(() => act(s.world, prosecutor, caseId, 'addNote', { text: 'F8 其后的备注' }));
  expect(note.value.status).toBe(200);
  expect(note.ms).toBeLessThan(10_000);

  const detail = await prosecutor.get(`/api/cases/${caseId}`);
  expect(detail.body.alerts).toEqual(
    expect.arrayContaining([expect.objectContaining({ kind: 'action_refused', errorType: 'DataRejected' })]),
  );
  const list = await prosecutor.get(`/api/cases?q=${caseId}`);
  expect(list.body.items[0].alertCount).toBeGreaterThan(0);

  // Every overdue reminder of the backfilled case is fired and sent once; the chain verifies.
  await settleAndCheck(s, 'F8 poisoned action', { caseIds: [caseId] });
});
