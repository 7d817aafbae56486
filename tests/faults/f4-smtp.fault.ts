// F4: the SMTP server is down for a while, then back: mail waits in the outbox (attempts
// counted) and each message arrives once. And the worker crashes right after a send, before
// the send is recorded: that message may arrive twice, at most once more per crash.
import { waitUntil } from '../helpers/processes';
import { dedupeKeyOf } from './support/oracle';
import { scale, settleAndCheck, useScenario } from './support/scenario';
import { createBackfilledCase } from './support/world';

const s = useScenario('f4');

it('when SMTP is down for a while, then mail waits with its attempts counted and each message arrives once', async () => {
  await s.cluster.smtp.down();
  const ids = [await createBackfilledCase(s.world, 60), await createBackfilledCase(s.world, 90)];
  // Every message of the two cases is queued (lead acknowledgement + 5 reminders each) and has failed.
  // Retries after 5, 10, 20 s: the fourth attempt comes after about 35 s, the next 40 s later.
  // (Waiting for more attempts only waits longer: each doubles the wait for the one after it.)
  const minAttempts = 4;
  const queued = await waitUntil(
    `every message queued and tried ${minAttempts} times`,
    async () => {
      const rows = await s.cluster.db.query<{ sent: boolean; attempts: number; last_error: string | null }>(
        'SELECT sent_at IS NOT NULL AS sent, attempts, last_error FROM mail_outbox WHERE case_id = ANY($1::text[])',
        [ids],
      );
      return rows.length === 12 && rows.every((r) => r.attempts >= minAttempts) && rows;
    },
    { timeoutMs: 900_000, intervalMs: 1000 },
  );
  expect(queued.every((r) => !r.sent && r.last_error)).toBe(true);
  expect(s.cluster.mail).toHaveLength(0);
  await s.cluster.smtp.up();
  await settleAndCheck(s, 'F4 SMTP down, then back');
});

it('when the worker dies right after a send and before recording it, then the message arrives at most twice', async () => {
  const crashes = scale(1, 2);
  for (let i = 0; i < crashes; i++) {
    let victim: string | undefined;
    s.cluster.smtp.onMessage = async (m) => {
      s.cluster.smtp.onMessage = undefined;
      victim = dedupeKeyOf(m);
      await s.cluster.worker!.kill9(); // before the server's "250 OK" reaches the worker
    };
    await createBackfilledCase(s.world, 60);
    await waitUntil('the crash', () => victim !== undefined && !s.cluster.worker!.alive());
    await s.cluster.startWorker();
  }
  const report = await settleAndCheck(s, `F4 ${crashes} crash(es) between send and record`, {
    allowedDuplicates: crashes,
  });
  process.stdout.write(`[faults] F4 duplicates: ${report.duplicates} for ${crashes} injected crash(es)\n`);
});
