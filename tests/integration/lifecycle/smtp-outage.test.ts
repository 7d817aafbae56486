// Issue 4, tests: an SMTP outage in the middle of a case delays its mail but loses none.
import { addDays } from '../../../domain/period';
import { checkOracle } from '../../faults/support/oracle';
import { act, createBackfilledCase, createWorld, today, type World } from '../../faults/support/world';
import { waitUntil } from '../../helpers/processes';
import { outboxDrained, overdueLadder, receivedReminders } from './ladder';
import { startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let world: World;
beforeAll(async () => {
  system = await startLifecycleSystem({ worker: 'in-process' });
  world = await createWorld(system.baseUrl, system.db);
});
afterAll(() => system.stop());

it('when SMTP goes down in the middle of a case, then its mail waits with attempts counted and arrives once when SMTP is back', async () => {
  const id = await createBackfilledCase(world, 60);
  await outboxDrained(system.db, id, 6);

  await system.smtp.down();
  // Filing decided 30 days ago: the 7-day service clock is overdue, its reminders fall due now.
  await act(world, world.prosecutor, id, 'proposeFiling', { reason: '线索查证属实' });
  const filed = await act(world, world.chief, id, 'decideFiling', {
    approve: true,
    decidedOn: addDays(today(), -30),
    reason: '符合立案条件',
  });
  expect(filed.status).toBe(200);
  const waiting = await waitUntil(
    'the filing-service reminders queued and tried twice',
    async () => {
      const rows = await system.db.query<{ sent: boolean; attempts: number; last_error: string | null }>(
        `SELECT sent_at IS NOT NULL AS sent, attempts, last_error FROM mail_outbox
          WHERE case_id = $1 AND dedupe_key LIKE '%:clock:filing_service:%'`,
        [id],
      );
      return rows.length === 5 && rows.every((r) => r.attempts >= 2) && rows;
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  );
  expect(waiting.every((r) => !r.sent && r.last_error !== null)).toBe(true);
  expect(receivedReminders(system.mail, id, 'filing_service')).toEqual([]);

  await system.smtp.up();
  await outboxDrained(system.db, id, 11);
  expect(receivedReminders(system.mail, id, 'filing_service')).toEqual(
    overdueLadder(world.org, 'filing_service'),
  );
  expect(receivedReminders(system.mail, id, 'lead_evaluation')).toEqual(
    overdueLadder(world.org, 'lead_evaluation'),
  );
  const report = await checkOracle({ ...system, caseIds: [id], accepted: world.accepted });
  expect(report.violations).toEqual([]);
});
