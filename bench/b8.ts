/**
 * B8 the production configuration: B1, B2 and B3 again on the Temporal server with its state in
 * PostgreSQL, each against its bare arms on that same server; and what a second worker on the
 * case task queue adds to case creation under a saturating load.
 */
import { startWorkerProcess } from '../tests/helpers/processes';
import { createBackfilledCase } from '../tests/faults/support/world';
import { b1CaseCreation, b2StaffAction } from './b1-b2';
import { b3ReminderHerd } from './b3';
import { size, startServerContext, type BenchContext } from './context';
import { figure, interleave, perSecond, relabel, throughput, type Figure } from './stats';

const ON_SERVER = 'Temporal server on PostgreSQL';
/** Creations in flight: enough that one worker, not the client, is what they wait for. */
const SATURATING = 16;

export async function b8ProductionServer(ctx: BenchContext): Promise<Figure[]> {
  const server = await startServerContext(ctx);
  const figures: Figure[] = [];
  try {
    // B3 first, as in the main run: its change of the reminder policy signals every open case.
    figures.push(...relabel(await b3ReminderHerd(server), 'B8', ON_SERVER));
    figures.push(...relabel([await b1CaseCreation(server)], 'B8', ON_SERVER));
    figures.push(...relabel(await b2StaffAction(server), 'B8', ON_SERVER));
    figures.push(await workerScaling(server));
  } catch (err) {
    // What was measured before the failure is reported with it rather than lost.
    if (figures.length > 0) ctx.log(`B8 measured before it failed: ${JSON.stringify(figures)}`);
    throw err;
  } finally {
    await server.stop();
  }
  return figures;
}

/**
 * Cases created per second with two workers on the task queue ÷ with one, under the same load.
 * The second worker is a process of its own, started before its arm and stopped after it.
 */
async function workerScaling(ctx: BenchContext): Promise<Figure> {
  const perArm = size(ctx, 48, 400);
  const rounds: number[] = [];
  const detail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const rate: Record<string, number> = {};
    for (const arm of interleave(r, 'one', 'two')) {
      const second =
        arm === 'two'
          ? await startWorkerProcess(ctx.cluster.env, ctx.cluster.logFile('worker-2'))
          : undefined;
      try {
        const ms = await throughput(perArm, SATURATING, () => createBackfilledCase(ctx.world, 0));
        rate[arm] = perSecond(perArm, ms);
      } finally {
        await second?.stop();
      }
    }
    rounds.push(rate.two! / rate.one!);
    detail.push({ oneWorkerCasesPerSecond: rate.one, twoWorkersCasesPerSecond: rate.two, perArm });
  }
  return figure({
    id: 'B8',
    title: 'two workers on one task queue',
    ratio: `cases/s with two workers ÷ with one, ${SATURATING} in flight`,
    better: 'higher',
    rounds,
    detail,
    note: ON_SERVER,
  });
}
