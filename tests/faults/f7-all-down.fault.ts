// F7: the whole system (PostgreSQL, Temporal, SMTP, worker, API) is down while reminders fall
// due; after the restart each is sent once: 200 cases, 1,000 reminder messages, at every scale.
import { shanghaiDate, shanghaiInstant } from '../../domain/time';
import { caseStateQuery, caseWorkflowId } from '../../workflows/contract';
import { waitUntil } from '../helpers/processes';
import { inParallel, settleAndCheck, useScenario } from './support/scenario';
import { createBackfilledCase, setReminderPolicy, settle } from './support/world';

const CASES = 200;
const MESSAGES_PER_CASE = 5; // d0 to the handler, d+1 to handler and head, d+7 to chief and case office

const s = useScenario('f7');

/** The minute (HH:MM, Asia/Shanghai) at which this run's reminders fall due, and its instant. */
async function dueMinute(leadMs: number): Promise<{ hhmm: string; at: number }> {
  // The working hours end at 23:59: a run that would need a later minute waits for the new day.
  const minuteOf = (t: number) =>
    Math.floor((t - shanghaiInstant(shanghaiDate(new Date(t))).getTime()) / 60_000);
  await waitUntil(
    'a Shanghai time of day with room before 23:58',
    () => minuteOf(Date.now() + leadMs) < 23 * 60 + 58,
    {
      timeoutMs: 900_000,
      intervalMs: 5000,
    },
  );
  const target = Date.now() + leadMs;
  const minute = minuteOf(target) + 1;
  const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return { hhmm, at: shanghaiInstant(shanghaiDate(new Date(target)), minute).getTime() };
}

it(`when everything is down while ${CASES * MESSAGES_PER_CASE} reminder messages fall due, then after the restart each is sent once`, async () => {
  const due = await dueMinute(60_000 + CASES * 600);
  await setReminderPolicy(s.world, due.hhmm); // working hours start at that minute: the catch-up waits for it
  await inParallel(Array.from({ length: CASES }), 4, () => createBackfilledCase(s.world, 60));
  const planned = await s.cluster.temporal.workflow
    .getHandle(caseWorkflowId(s.world.caseIds[0]!))
    .query(caseStateQuery);
  expect(planned.clocks.lead_evaluation!.reminders.map((r) => r.fireAt)).toEqual([due.at, due.at, due.at]);

  const { cluster } = s;
  // A quiet system goes down: no acknowledgement still being sent (a kill mid-send may repeat it, see F4).
  await settle(cluster.db, cluster.temporal, s.world.caseIds);
  await Promise.all([cluster.api!.kill9(), cluster.worker!.kill9()]);
  await cluster.temporalServer.kill9();
  await cluster.smtp.down();
  await cluster.postgres.crash();
  const downAt = Date.now();
  expect(downAt).toBeLessThan(due.at); // otherwise the test set up too slowly to test anything
  await waitUntil('the reminders to fall due while everything is down', () => Date.now() > due.at + 10_000, {
    timeoutMs: 900_000,
    intervalMs: 1000,
  });

  await cluster.postgres.start();
  await cluster.temporalServer.start();
  await cluster.smtp.up();
  const restartedAt = Date.now();
  await cluster.startWorker();
  await cluster.startApi();
  const report = await settleAndCheck(s, `F7 ${CASES} cases down while their reminders fell due`);
  expect(report.reminders).toBe(CASES * 3);
  const reminderMail = cluster.mail.filter(
    (m) => m.subject.startsWith('【督办】期限已逾期') || m.subject.includes('期限提醒'),
  );
  expect(reminderMail).toHaveLength(CASES * MESSAGES_PER_CASE);
  expect(reminderMail.every((m) => m.receivedAt.getTime() >= restartedAt)).toBe(true);
  const last = Math.max(...reminderMail.map((m) => m.receivedAt.getTime()));
  process.stdout.write(
    `[faults] F7: down ${Math.round((restartedAt - downAt) / 1000)} s; ${reminderMail.length} reminder messages ` +
      `sent within ${Math.round((last - restartedAt) / 1000)} s of the restart\n`,
  );
});
