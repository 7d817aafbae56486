// Issue 4, tests: an SMTP outage in the middle of a case delays its mail but loses none.
import { addDays } from '../../../domain/period';
import { checkOracle } from '../../faults/support/oracle';
import { act, createBackfilledCase, today } from '../../faults/support/world';
import { waitUntil } from '../../helpers/processes';
import { outboxDrained, overdueLadder, receivedReminders } from './ladder';
import { useLifecycle } from './use-lifecycle';

const lifecycle = useLifecycle('in-process');

it('when SMTP goes down in the middle of a case, then its mail waits with attempts counted and arrives once when SMTP is back', async () => {
  const id = await createBackfilledCase(lifecycle.world, 60);
  await outboxDrained(lifecycle.system.db, id, 6);

  await lifecycle.system.smtp.down();
  // Filing decided 30 days ago: the 7-day service clock is overdue, its reminders fall due now.
  await act(lifecycle.world, lifecycle.world.prosecutor, id, 'proposeFiling', { reason: '线索查证属实' });
  const filed = await act(lifecycle.world, lifecycle.world.chief, id, 'decideFiling', {
    approve: true,
    decidedOn: addDays(today(), -30),
    reason: '符合立案条件',
  });
  expect(filed.status).toBe(200);
  const waiting = await waitUntil(
    'the filing-service reminders queued and tried twice',
    async () => {
      const rows = await lifecycle.system.db.query<{
        sent: boolean;
        attempts: number;
        last_error: string | null;
      }>(
        `SELECT sent_at IS NOT NULL AS sent, attempts, last_error FROM mail_outbox
          WHERE case_id = $1 AND dedupe_key LIKE '%:clock:filing_service:%'`,
        [id],
      );
      return rows.length === 5 && rows.every((r) => r.attempts >= 2) && rows;
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  );
  expect(waiting.every((r) => !r.sent && r.last_error !== null)).toBe(true);
  expect(receivedReminders(lifecycle.system.mail, id, 'filing_service')).toEqual([]);

  await lifecycle.system.smtp.up();
  // The lead's 6 and the filing-service ladder's 5, plus the staff notifications the steps caused
  // (a proposal awaiting the chief's decision: notify_* mail, counted as the outbox holds them).
  const [notices] = await lifecycle.system.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM mail_outbox WHERE case_id = $1 AND kind LIKE 'notify\\_%'",
    [id],
  );
  expect(notices!.n).toBeGreaterThan(0);
  await outboxDrained(lifecycle.system.db, id, 11 + notices!.n);
  expect(receivedReminders(lifecycle.system.mail, id, 'filing_service')).toEqual(
    overdueLadder(lifecycle.world.org, 'filing_service'),
  );
  expect(receivedReminders(lifecycle.system.mail, id, 'lead_evaluation')).toEqual(
    overdueLadder(lifecycle.world.org, 'lead_evaluation'),
  );
  const report = await checkOracle({
    ...lifecycle.system,
    caseIds: [id],
    accepted: lifecycle.world.accepted,
  });
  expect(report.violations).toEqual([]);
});
