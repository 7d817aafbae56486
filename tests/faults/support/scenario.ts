/** What every fault scenario shares: a cluster, a world in it, the oracle at the end, a printed report. */
import { startCluster, type Cluster } from '../../helpers/cluster';
import { checkOracle, type OracleReport } from './oracle';
import { createWorld, settle, type World } from './world';

export interface Scenario {
  cluster: Cluster;
  world: World;
}

export async function startScenario(
  name: string,
  reminderStart = '00:00',
  engine: 'dev' | 'server' = 'dev',
): Promise<Scenario> {
  const cluster = await startCluster({ name, engine });
  const world = await createWorld(cluster.apiUrl, cluster.db, reminderStart);
  return { cluster, world };
}

/**
 * Registers beforeAll and afterAll around a scenario of its own (for the file, or the describe
 * block it is called in); the fields are there once beforeAll has run. `beforeStop` runs at the
 * end before the cluster stops (to end a load loop).
 */
export function useScenario(
  name: string,
  options: { beforeStop?: () => void; engine?: 'dev' | 'server' } = {},
): Scenario {
  const s = {} as Scenario;
  beforeAll(async () => {
    Object.assign(s, await startScenario(name, '00:00', options.engine));
  });
  afterAll(async () => {
    options.beforeStop?.();
    await s.cluster?.stop();
  });
  return s;
}

/** Settles the cases, runs the oracle, prints its figures and returns them; fails on any violation. */
export async function settleAndCheck(
  s: Scenario,
  label: string,
  options: { allowedDuplicates?: number; caseIds?: string[] } = {},
): Promise<OracleReport> {
  const caseIds = options.caseIds ?? s.world.caseIds;
  await settle(s.cluster.db, s.cluster.temporal, caseIds);
  const report = await checkOracle({
    db: s.cluster.db,
    temporal: s.cluster.temporal,
    mail: s.cluster.mail,
    caseIds,
    accepted: s.world.accepted,
    allowedDuplicates: options.allowedDuplicates ?? 0,
  });
  process.stdout.write(
    `[faults] ${label}: ${report.cases} cases, ${report.entries} timeline entries, ` +
      `${report.reminders} reminders, ${report.messages} messages, ${report.duplicates} duplicates, ` +
      `${report.violations.length} violations\n`,
  );
  expect(report.violations).toEqual([]);
  return report;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, i: number) => Promise<R>,
) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** The scale of a scenario: reduced by default, full with DUBAN_FAULTS_FULL=1. */
export function scale(reduced: number, full: number): number {
  return process.env.DUBAN_FAULTS_FULL === '1' ? full : reduced;
}
