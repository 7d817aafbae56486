/** What the mail of a case should be, and what it was, as sorted `clock step recipient` lines. */
import type { Db } from '../../../store/pool';
import type { CaughtMail } from '../../../dev/mail-catcher';
import { dedupeKeyOf } from '../../faults/support/oracle';
import { OVERDUE_LADDER } from '../../faults/support/world';
import type { TestOrg } from '../../helpers/fixtures';
import { waitUntil } from '../../helpers/processes';

/** The reminders an overdue clock sends under the default ladder: d0, d+1 and d+7, each recipient once. */
export function overdueLadder(org: TestOrg, clockKey: string): string[] {
  return OVERDUE_LADDER.map(([step, who]) => `${clockKey} ${step} ${org[who].id}`).sort();
}

/** The reminder mail the SMTP server received for a case, one line per message (duplicates kept). */
export function receivedReminders(mail: readonly CaughtMail[], caseId: string, clockKey: string): string[] {
  return mail
    .map(dedupeKeyOf)
    .flatMap((key) => {
      // case:<id>:clock:<clockKey>:<due>:<step>:<userId>
      const m = key?.match(/^case:(.+):clock:(.+):(\d{4}-\d{2}-\d{2}):(d[-+]?\d+):(.+)$/);
      return m && m[1] === caseId && m[2] === clockKey ? [`${m[2]} ${m[4]} ${m[5]}`] : [];
    })
    .sort();
}

/** Waits until the case's outbox holds `count` messages and every one of them is sent. */
export async function outboxDrained(
  db: Db,
  caseId: string,
  count: number,
  timeoutMs = 120_000,
): Promise<void> {
  await waitUntil(
    `${count} messages of ${caseId} sent`,
    async () => {
      const [row] = await db.query<{ all: number; unsent: number }>(
        `SELECT count(*)::int AS all, count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent
           FROM mail_outbox WHERE case_id = $1`,
        [caseId],
      );
      return row!.all === count && row!.unsent === 0;
    },
    { timeoutMs, intervalMs: 250 },
  );
}
