// Ending a case early (终结审查) and handing it to another prosecutor (更换承办人).
import { randomBytes } from 'node:crypto';
import {
  caseMail,
  CaseDriver,
  CaseSteps,
  newCaseInput,
  quiet,
  refusal,
  reminderEntries,
} from '../helpers/case-driver';
import type { TestUser } from '../helpers/fixtures';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

/** A second prosecutor of the same procuratorate. */
async function anotherProsecutor(): Promise<TestUser> {
  const id = `u-${randomBytes(5).toString('hex')}`;
  const username = `prosecutor-${randomBytes(5).toString('hex')}`;
  const email = `${username}@test.example`;
  await t.db.query(
    'INSERT INTO users (id, procuratorate_id, username, display_name, email, roles) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, t.org.procuratorateId, username, `接手检察官 ${id}`, email, ['prosecutor']],
  );
  return { id, username, email, roles: ['prosecutor'], procuratorateId: t.org.procuratorateId };
}

it('terminating in investigation cancels every running clock, and the workflow completes', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
    await new CaseSteps(c, t.org).file();
    const clocks = Object.values((await c.state()).clocks);
    const running = clocks.filter((k) => k.status === 'running').map((k) => k.key);
    expect(running.sort()).toEqual(['filing_service', 'investigation']);

    const terminated = await c.act('terminate', t.org.chief, {
      decidedOn: await c.today(),
      reason: '行政机关已全面整改，公益损害已消除',
      ground: 'fully_rectified',
    });
    expect(terminated.stage).toBe('TERMINATED');
    expect(terminated.clocks.map((k) => [k.key, k.status]).sort()).toEqual(
      running.map((key) => [key, 'cancelled']),
    );
    expect(Object.values((await c.state()).clocks).filter((k) => k.status === 'running')).toEqual([]);

    await c.handle.result();
    expect((await c.handle.describe()).status.name).toBe('COMPLETED');
    const rows = await t.db.query<{ clock_key: string; status: string }>(
      'SELECT clock_key, status FROM case_clocks WHERE case_id = $1 ORDER BY clock_key',
      [c.input.caseId],
    );
    expect(rows).toEqual([
      { clock_key: 'filing_service', status: 'cancelled' },
      { clock_key: 'investigation', status: 'cancelled' },
      { clock_key: 'lead_evaluation', status: 'met' },
    ]);
    const timeline = await c.timeline();
    expect(
      timeline
        .filter((e) => e.kind === 'clock_cancelled')
        .map((e) => e.data.clockKey)
        .sort(),
    ).toEqual(running);
  });
});

it('after reassignment the next reminder goes to the new handler, and only the new handler acts', async () => {
  await t.withWorker(async (taskQueue) => {
    const successor = await anotherProsecutor();
    const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
    await new CaseSteps(c, t.org).file();
    const due = (await c.state()).clocks.filing_service!.due!;
    const reassigned = await c.act('reassign', t.org.head, {
      handlerId: successor.id,
      reason: '原承办人借调',
    });
    expect(reassigned.stage).toBe('INVESTIGATION');
    const [row] = await t.db.query('SELECT handler_id FROM cases WHERE id = $1', [c.input.caseId]);
    expect(row).toEqual({ handler_id: successor.id });

    // The filing decision is still to be served: its reminders now reach the successor.
    await quiet(c);
    await t.env.sleep('10 days');
    expect((await reminderEntries(c, 'filing_service')).length).toBeGreaterThan(0);
    const filingMail = () => caseMail(c).filter((m) => m.subject.includes(`送达立案决定书 ${due}`));
    await t.mail.waitFor(() => filingMail().some((m) => m.to.includes(successor.email)));
    expect(filingMail().filter((m) => m.to.includes(t.org.prosecutor.email))).toEqual([]);

    const served = { servedOn: await c.today(), organIds: [t.org.organs.eco] };
    expect((await refusal(c.act('recordFilingService', t.org.prosecutor, served))).type).toBe('Forbidden');
    const done = await c.act('recordFilingService', successor, served);
    expect(done.clocks).toEqual([expect.objectContaining({ key: 'filing_service', status: 'met' })]);
  });
}, 300_000);
