// F1: the worker is killed with SIGKILL in the middle of a burst of staff actions and due
// reminders, and started again. Nothing is lost and nothing is done twice.
import { waitUntil } from '../helpers/processes';
import { inParallel, scale, settleAndCheck, useScenario } from './support/scenario';
import { act, createBackfilledCase } from './support/world';

const s = useScenario('f1');

it('when the worker is killed mid-burst and restarted, then every action and reminder is there once', async () => {
  const cases = scale(6, 20);
  const notesPerCase = scale(5, 10);
  const ids: string[] = [];
  for (let i = 0; i < cases; i++) ids.push(await createBackfilledCase(s.world, 60));

  // A burst of notes on every case; the worker dies when a third of them are answered.
  const jobs = ids.flatMap((id) => Array.from({ length: notesPerCase }, (_, n) => ({ id, n })));
  let answered = 0;
  let killed = false;
  const crash = waitUntil('a third of the burst answered', () => answered >= jobs.length / 3, {
    timeoutMs: 300_000,
    intervalMs: 20,
  }).then(async () => {
    // More backfilled cases arrive while the worker is down: their reminders fall due meanwhile.
    await s.cluster.worker!.kill9();
    killed = true;
    const late = Promise.all([createBackfilledCase(s.world, 60), createBackfilledCase(s.world, 90)]);
    await s.cluster.startWorker();
    await late;
  });
  const results = await inParallel(jobs, 8, async ({ id, n }) => {
    const res = await act(s.world, s.world.prosecutor, id, 'addNote', { text: `F1 记录 ${id} #${n}` });
    answered += 1;
    return res.status;
  });
  await crash;
  expect(killed).toBe(true);
  expect(results.every((status) => status === 200)).toBe(true);

  // Every note once, every overdue reminder (d0, d+1, d+7) once.
  await waitUntil(
    'every due reminder recorded',
    async () => {
      const [row] = await s.cluster.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_entries WHERE case_id = ANY($1::text[]) AND kind = 'reminder'",
        [s.world.caseIds],
      );
      return row!.n === s.world.caseIds.length * 3;
    },
    { timeoutMs: 300_000 },
  );
  await settleAndCheck(s, 'F1 worker killed mid-burst', { allowedDuplicates: 1 });
});
