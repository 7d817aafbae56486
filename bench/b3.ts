/**
 * B3 reminder herd: N cases whose reminders all fall due in the same minute. Lateness of our
 * sends (the SMTP server's receipt − the due instant) ÷ lateness of bare timers set for the same
 * instant on the same server; and every reminder must arrive exactly once.
 */
import { randomBytes } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { shanghaiDate, shanghaiInstant } from '../domain/time';
import { dedupeKeyOf } from '../tests/faults/support/oracle';
import type { CaughtMail } from '../dev/mail-catcher';
import { createBackfilledCase, setReminderPolicy } from '../tests/faults/support/world';
import { waitUntil } from '../tests/helpers/processes';
import { size, type BenchContext } from './context';
import { figure, percentile, throughput, type Figure } from './stats';

const MESSAGES_PER_CASE = 5;

export async function b3ReminderHerd(ctx: BenchContext): Promise<Figure[]> {
  // One round (min = max): it waits for a whole due minute, and at full size takes about 40 minutes.
  const cases = ctx.sizes.herd ?? size(ctx, 40, 5000);
  // The due minute must come after every case is created: measure the creation rate first, on
  // enough cases that the first, faster ones do not make it look higher than it stays.
  const warm = size(ctx, 5, 40);
  const warmMs = await throughput(warm, 4, () => createBackfilledCase(ctx.world, 0));
  const rate = warm / (warmMs / 1000);
  // Creating the cases and starting the bare timers, with half as much again to spare.
  const creationMs = (cases / rate) * 1000;
  const due = await dueMinute(5_000 + creationMs * 1.5);
  await setReminderPolicy(ctx.world, due.hhmm);
  ctx.log(`B3: ${cases} cases, reminders due at ${due.hhmm} Asia/Shanghai`);
  const since = ctx.cluster.mail.length;
  const ids: string[] = [];
  await throughput(cases, 4, async () => ids.push(await createBackfilledCase(ctx.world, 60)));
  // A few starts in flight at a time: 5,000 at once time out on a file-persisted dev server.
  const sleepers: WorkflowHandle[] = [];
  await throughput(cases, 16, async (i) =>
    sleepers.push(
      await ctx.cluster.temporal.workflow.start('sleeperWorkflow', {
        taskQueue: ctx.bareQueue,
        workflowId: `b3-${i}-${randomBytes(3).toString('hex')}`,
        args: [due.at],
      }),
    ),
  );
  if (Date.now() >= due.at)
    throw new Error('B3: the cases were not all created before their reminders fell due');
  // Counted as the mail arrives, not re-scanned: the SMTP server shares this process's event loop.
  const wanted = new Set(ids);
  const mine: CaughtMail[] = [];
  let scanned = since;
  const collect = () => {
    for (; scanned < ctx.cluster.mail.length; scanned++) {
      const m = ctx.cluster.mail[scanned]!;
      const key = dedupeKeyOf(m);
      const caseId = key?.split(':')[1];
      if (key?.includes(':clock:lead_evaluation:') && caseId && wanted.has(caseId)) mine.push(m);
    }
    return mine.length;
  };
  const expected = cases * MESSAGES_PER_CASE;
  // Sending takes longer than creating: allow 0.2 s a message, and at least ten minutes.
  await waitUntil(`${expected} reminder messages`, () => collect() >= expected, {
    timeoutMs: Math.max(600_000, expected * 200),
    intervalMs: 1000,
  });
  const ours = mine.map((m) => m.receivedAt.getTime() - due.at);
  const keys = mine.map(dedupeKeyOf);
  if (new Set(keys).size !== keys.length) throw new Error('B3: a reminder arrived twice');
  const bare: number[] = [];
  for (const handle of sleepers) {
    await handle.result();
    const d = await handle.describe();
    bare.push(d.closeTime!.getTime() - due.at);
  }
  // Lateness can be below a millisecond for a bare timer: floor both at 1 ms so the ratio stays finite.
  const ratio = (p: number) => Math.max(percentile(ours, p), 1) / Math.max(percentile(bare, p), 1);
  const detail = [
    {
      cases,
      messages: ours.length,
      ourP50ms: percentile(ours, 50),
      ourP99ms: percentile(ours, 99),
      bareP50ms: percentile(bare, 50),
      bareP99ms: percentile(bare, 99),
      exactlyOnce: true,
    },
  ];
  // The policy stays: resetting it would signal every case again, and the later benchmarks'
  // cases have no reminder due today either way.
  const base = {
    better: 'lower' as const,
    detail,
    note: `${cases} cases × ${MESSAGES_PER_CASE} messages`,
  };
  return [
    figure({
      ...base,
      id: 'B3',
      title: 'reminder herd p50',
      ratio: 'p50 lateness of sends ÷ bare timers',
      rounds: [ratio(50)],
    }),
    figure({
      ...base,
      id: 'B3',
      title: 'reminder herd p99',
      ratio: 'p99 lateness of sends ÷ bare timers',
      rounds: [ratio(99)],
    }),
  ];
}

/** The next whole minute at least `leadMs` away, as HH:MM in Asia/Shanghai and as an instant. */
export async function dueMinute(leadMs: number): Promise<{ hhmm: string; at: number }> {
  const minuteOf = (t: number) =>
    Math.floor((t - shanghaiInstant(shanghaiDate(new Date(t))).getTime()) / 60_000);
  // Reminders may start no later than 23:58 (they end at 23:59): near midnight, wait for the new day.
  await waitUntil('room before 23:58 Asia/Shanghai', () => minuteOf(Date.now() + leadMs) < 23 * 60 + 57, {
    timeoutMs: 1_800_000,
    intervalMs: 5000,
  });
  const target = Date.now() + leadMs;
  const minute = minuteOf(target) + 1;
  const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return { hhmm, at: shanghaiInstant(shanghaiDate(new Date(target)), minute).getTime() };
}
