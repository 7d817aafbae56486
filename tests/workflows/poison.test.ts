// Defence in depth behind the API's text validation: an action whose data the database refuses
// is refused itself, within seconds, with an alert on the case, and the case goes on serving.
import { CaseDriver, newCaseInput, quiet, refusal, reminderEntries } from '../helpers/case-driver';
import { createTestOrg, type TestOrg } from '../helpers/fixtures';
import { startWorkflowTestEnv, type WorkflowTestEnv } from '../helpers/workflow-env';

let t: WorkflowTestEnv;
let org: TestOrg;

beforeAll(async () => {
  t = await startWorkflowTestEnv();
  org = await createTestOrg(t.db);
});
afterAll(() => t.stop());

/** How long `work` took in wall-clock milliseconds, with its outcome. */
async function timed<T>(work: Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work;
  return { ms: Date.now() - started, value };
}

it('a note PostgreSQL cannot store is refused at once with an alert; the next note and the reminders go on', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await CaseDriver.start(t, taskQueue, newCaseInput(org));
    await quiet(c);
    const before = { timeline: await c.timeline(), state: await c.state() };

    // Sent straight to the workflow, as if the API had let it through.
    const poisoned = await timed(refusal(c.act('addNote', org.prosecutor, { text: 'bad \u0000 byte' })));
    expect(poisoned.value).toEqual({ type: 'DataRejected', message: expect.stringMatching(/操作未生效/) });
    expect(poisoned.ms).toBeLessThan(10_000);

    const after = await c.state();
    expect(after.alerts).toEqual([
      { at: expect.any(String), kind: 'action_refused', subject: 'addNote', errorType: 'DataRejected' },
    ]);
    expect({ ...after, alerts: undefined }).toEqual({ ...before.state, alerts: undefined });
    expect(await c.timeline()).toEqual(before.timeline);
    await quiet(c);
    const rows = await t.db.query('SELECT kind, subject, error_type FROM case_alerts WHERE case_id = $1', [
      c.input.caseId,
    ]);
    expect(rows).toEqual([{ kind: 'action_refused', subject: 'addNote', error_type: 'DataRejected' }]);

    const note = await timed(c.act('addNote', org.prosecutor, { text: '电话核实线索' }));
    expect(note.ms).toBeLessThan(10_000);
    expect(note.value.seq).toBe(before.state.seq + 1);
    expect((await c.timeline()).at(-1)).toMatchObject({ seq: note.value.seq, kind: 'addNote' });

    // The lead evaluation clock's first reminder still fires on time.
    const [first] = after.clocks.lead_evaluation!.reminders;
    await t.env.sleep(first!.fireAt - (await t.env.currentTimeMs()) + 60_000);
    expect((await reminderEntries(c, 'lead_evaluation')).length).toBeGreaterThan(0);
  });
}, 120_000);
