// Defence in depth behind the API's text validation: an action whose data the database refuses
// is refused itself, within seconds, with an alert on the case, and the case goes on serving.
import { shanghaiDate } from '../../domain/time';
import { awaitRegistrationUpdate, caseWorkflowId } from '../../workflows/contract';
import { CaseDriver, newCaseInput, quiet, refusal, reminderEntries } from '../helpers/case-driver';
import { waitUntil } from '../helpers/processes';
import { refuseEntries } from '../helpers/refuse-entries';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

/** A lead received today by the test server's clock (earlier tests moved it), its reminders all ahead. */
async function freshCase(taskQueue: string): Promise<CaseDriver> {
  const today = shanghaiDate(new Date(await t.env.currentTimeMs()));
  const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org, { receivedOn: today }));
  await quiet(c);
  return c;
}

/** How long `work` took in wall-clock milliseconds, with its outcome. */
async function timed<T>(work: Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work;
  return { ms: Date.now() - started, value };
}

it('a note the validator or PostgreSQL refuses is refused at once with an alert; the next note and the reminders go on', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await freshCase(taskQueue);
    const before = { timeline: await c.timeline(), state: await c.state() };

    // Sent straight to the workflow, as if the API had let it through: its validator refuses it.
    const unstorable = await timed(refusal(c.act('addNote', t.org.prosecutor, { text: 'bad \u0000 byte' })));
    expect(unstorable.value).toEqual({ type: 'InvalidPayload', message: expect.stringMatching(/^text：/) });
    expect(unstorable.ms).toBeLessThan(10_000);

    // Behind the validator, data the database refuses all the same (a trigger stands for it).
    const allow = await refuseEntries(t.db, c.input.caseId, 'addNote');
    const poisoned = await timed(refusal(c.act('addNote', t.org.prosecutor, { text: '数据库拒收的备注' })));
    await allow();
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

    const note = await timed(c.act('addNote', t.org.prosecutor, { text: '电话核实线索' }));
    expect(note.ms).toBeLessThan(10_000);
    expect(note.value.seq).toBe(before.state.seq + 1);
    expect((await c.timeline()).at(-1)).toMatchObject({ seq: note.value.seq, kind: 'addNote' });

    // The lead evaluation clock's first reminder still fires on time.
    const [first] = after.clocks.lead_evaluation!.reminders;
    await t.env.sleep(first!.fireAt - (await t.env.currentTimeMs()) + 60_000);
    expect((await reminderEntries(c, 'lead_evaluation')).length).toBeGreaterThan(0);
  });
}, 120_000);

it('a reminder the database refuses raises an alert; the case keeps its chain and takes the next action', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await freshCase(taskQueue);
    const allow = await refuseEntries(t.db, c.input.caseId, 'reminder');
    const reminders = (await c.state()).clocks.lead_evaluation!.reminders;
    const fireAt = reminders[0]!.fireAt;
    const fired = reminders.filter((r) => r.fireAt === fireAt).length;
    try {
      await t.env.sleep(fireAt - (await t.env.currentTimeMs()) + 60_000);
      await waitUntil(
        'an alert for each refused reminder',
        async () => (await c.state()).alerts?.length === fired,
        {
          timeoutMs: 20_000,
        },
      );
    } finally {
      await allow();
    }
    const state = await c.state();
    const alert = {
      at: expect.any(String),
      kind: 'alarm_not_recorded',
      subject: 'reminder',
      errorType: 'DataRejected',
    };
    expect(state.alerts).toEqual(Array.from({ length: fired }, () => alert));
    expect(state.clocks.lead_evaluation!.reminders.slice(0, fired).every((r) => r.done)).toBe(true);
    expect(await reminderEntries(c, 'lead_evaluation')).toEqual([]);

    const note = await timed(c.act('addNote', t.org.prosecutor, { text: '提醒之后的备注' }));
    expect(note.ms).toBeLessThan(10_000);
    const seqs = (await c.timeline()).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(note.value.seq).toBe(seqs.at(-1));
  });
}, 120_000);

describe('a case started straight through Temporal with a registration the API would refuse', () => {
  const poisoned: [string, (input: Record<string, unknown>) => void, RegExp][] = [
    ['a title with a NUL character', (i) => (i.title = '违规\u0000堆放'), /^title：/],
    ['a received date that is not on the calendar', (i) => (i.receivedOn = '2026-02-30'), /^receivedOn：/],
    ['no one who registered it', (i) => delete i.createdBy, /^createdBy：/],
  ];

  it.each(poisoned)(
    'with %s ends at once, naming the field, and leaves nothing in the database',
    async (_situation, poison, field) => {
      await t.withWorker(async (taskQueue) => {
        const input = newCaseInput(t.org) as unknown as Record<string, unknown>;
        poison(input);
        const handle = await t.env.client.workflow.start('caseWorkflow', {
          taskQueue,
          workflowId: caseWorkflowId(input.caseId as string),
          args: [input],
          workflowExecutionTimeout: '1 day',
        });
        t.track(handle);
        const asked = await timed(refusal(handle.executeUpdate(awaitRegistrationUpdate)));
        expect(asked.value).toEqual({ type: 'InvalidPayload', message: expect.stringMatching(field) });
        expect(asked.ms).toBeLessThan(10_000);

        const ended = await refusal(handle.result());
        expect(ended).toEqual(asked.value);
        const history = await handle.fetchHistory();
        const taskFailures = (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes);
        expect(taskFailures).toEqual([]);
        const written = await t.db.query(
          `SELECT (SELECT count(*) FROM cases WHERE id = $1)::int AS cases,
                  (SELECT count(*) FROM audit_entries WHERE case_id = $1)::int AS entries`,
          [input.caseId],
        );
        expect(written).toEqual([{ cases: 0, entries: 0 }]);
      });
    },
    60_000,
  );
});
