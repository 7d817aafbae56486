// Issue 4, tests: through the HTTP API with the dev server, PostgreSQL and a real SMTP server,
// the reminders of a case arrive once each.
import { checkOracle } from '../../faults/support/oracle';
import { createBackfilledCase } from '../../faults/support/world';
import { outboxDrained, overdueLadder, receivedReminders } from './ladder';
import { useLifecycle } from './use-lifecycle';

const lifecycle = useLifecycle('in-process');

it.each([60, 120])(
  'when a lead received %i days ago is entered, then each overdue reminder reaches each recipient exactly once',
  async (daysAgo) => {
    const id = await createBackfilledCase(lifecycle.world, daysAgo);
    await outboxDrained(lifecycle.system.db, id, 1 + 5); // the acknowledgement, then d0, d+1 (×2), d+7 (×2)

    expect(receivedReminders(lifecycle.system.mail, id, 'lead_evaluation')).toEqual(
      overdueLadder(lifecycle.world.org, 'lead_evaluation'),
    );
    const ack = lifecycle.system.mail.filter((m) => m.subject.includes(id) && !m.subject.includes('期限'));
    expect(ack.map((m) => m.to)).toEqual([[lifecycle.world.org.prosecutor.email]]);
    const detail = await lifecycle.world.prosecutor.get(`/api/cases/${id}`);
    expect(detail.body.clocks.find((c: { key: string }) => c.key === 'lead_evaluation').status).toBe(
      'running',
    );

    const report = await checkOracle({
      ...lifecycle.system,
      caseIds: [id],
      accepted: lifecycle.world.accepted,
    });
    expect(report.violations).toEqual([]);
    expect(report.reminders).toBe(3);
  },
);
