// F3: PostgreSQL restarts in the middle of audit writes, and separately the app's connections
// are terminated server-side. Retried writes never break a hash chain or record a step twice.
import { terminateAppConnections } from '../helpers/cluster';
import { scale, settleAndCheck, useScenario } from './support/scenario';
import { startNoteLoad } from './support/load';
import { createBackfilledCase } from './support/world';

const s = useScenario('f3');

it('when PostgreSQL restarts during audit writes, then every chain verifies and every note is there once', async () => {
  const ids: string[] = [];
  for (let i = 0; i < scale(4, 10); i++) ids.push(await createBackfilledCase(s.world, 60));
  const load = startNoteLoad(s.world, ids, 'F3 重启');
  await load.more(10);
  const creating = createBackfilledCase(s.world, 60);
  await s.cluster.postgres.restart();
  await load.more(scale(15, 40));
  await creating;
  await load.stop();
  process.stdout.write(`[faults] F3 restart: answers ${tally(load.statuses)}\n`);
  expect(load.statuses.filter((st) => st >= 500 && st !== 503)).toEqual([]);
  await settleAndCheck(s, 'F3 PostgreSQL restarted');
});

it('when the app’s connections are terminated during audit writes, then every chain verifies and every note is there once', async () => {
  const ids = s.world.caseIds.slice(0, 4);
  const load = startNoteLoad(s.world, ids, 'F3 断开');
  await load.more(10);
  let terminated = 0;
  for (let round = 0; round < scale(3, 10); round++) {
    terminated += await terminateAppConnections(s.cluster.db);
    await load.more(5);
  }
  await load.stop();
  process.stdout.write(
    `[faults] F3 terminate: ${terminated} sessions ended; answers ${tally(load.statuses)}\n`,
  );
  expect(terminated).toBeGreaterThan(0);
  expect(load.statuses.filter((st) => st >= 500 && st !== 503)).toEqual([]);
  await settleAndCheck(s, 'F3 connections terminated');
});

function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const st of statuses) counts.set(st, (counts.get(st) ?? 0) + 1);
  return [...counts.entries()].map(([st, n]) => `${st}×${n}`).join(', ');
}
