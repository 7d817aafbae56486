/** B1 case creation and B2 staff action: duban through its API ÷ bare Temporal on the same server. */
import { randomBytes } from 'node:crypto';
import { createBackfilledCase } from '../tests/faults/support/world';
import { size, type BenchContext } from './context';
import { figure, interleave, percentile, throughput, timed, type Figure } from './stats';
import { finishSignal, pingUpdate } from './workflows';

const CONCURRENCY = 4;

export async function b1CaseCreation(ctx: BenchContext): Promise<Figure> {
  const perArm = size(ctx, 15, 100);
  const rounds: number[] = [];
  const detail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const arms = {
      api: () => throughput(perArm, CONCURRENCY, () => createBackfilledCase(ctx.world, 0)),
      bare: () =>
        throughput(perArm, CONCURRENCY, (i) =>
          ctx.cluster.temporal.workflow.start('sleeperWorkflow', {
            taskQueue: ctx.bareQueue,
            workflowId: `b1-${r}-${i}-${randomBytes(3).toString('hex')}`,
            args: [Date.now()],
          }),
        ),
    };
    const ms: Record<string, number> = {};
    for (const arm of interleave(r, 'api', 'bare') as ('api' | 'bare')[]) ms[arm] = await arms[arm]();
    const apiRate = (perArm / ms.api!) * 1000;
    const bareRate = (perArm / ms.bare!) * 1000;
    rounds.push(apiRate / bareRate);
    detail.push({ apiCasesPerSecond: apiRate, bareStartsPerSecond: bareRate, perArm });
  }
  return figure({
    id: 'B1',
    title: 'case creation',
    ratio: 'cases/s via POST /api/cases ÷ bare workflow starts/s',
    better: 'higher',
    rounds,
    detail,
  });
}

export async function b2StaffAction(ctx: BenchContext): Promise<Figure[]> {
  const perArm = size(ctx, 40, 300);
  const caseId = await createBackfilledCase(ctx.world, 0);
  const bare = await ctx.cluster.temporal.workflow.start('trivialWorkflow', {
    taskQueue: ctx.bareQueue,
    workflowId: `b2-${randomBytes(4).toString('hex')}`,
  });
  const p50: number[] = [];
  const p99: number[] = [];
  const detail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const arms = {
      api: async () => {
        const times: number[] = [];
        for (let i = 0; i < perArm; i++) {
          times.push(
            await timed(async () => {
              const res = await ctx.world.prosecutor.post(
                `/api/cases/${caseId}/actions/addNote`,
                { text: `B2 ${r}-${i}` },
                { 'idempotency-key': randomBytes(8).toString('hex') },
              );
              if (res.status !== 200) throw new Error(`addNote answered ${res.status}`);
            }),
          );
        }
        return times;
      },
      bare: async () => {
        const times: number[] = [];
        for (let i = 0; i < perArm; i++)
          times.push(await timed(() => bare.executeUpdate(pingUpdate, { args: ['x'] })));
        return times;
      },
    };
    const t: Record<string, number[]> = {};
    for (const arm of interleave(r, 'api', 'bare') as ('api' | 'bare')[]) t[arm] = await arms[arm]();
    p50.push(percentile(t.api!, 50) / percentile(t.bare!, 50));
    p99.push(percentile(t.api!, 99) / percentile(t.bare!, 99));
    detail.push({
      apiP50ms: percentile(t.api!, 50),
      apiP99ms: percentile(t.api!, 99),
      bareP50ms: percentile(t.bare!, 50),
      bareP99ms: percentile(t.bare!, 99),
      perArm,
    });
  }
  await bare.signal(finishSignal);
  const base = { better: 'lower' as const, detail };
  return [
    figure({
      ...base,
      id: 'B2',
      title: 'staff action p50',
      ratio: 'p50 addNote via API ÷ p50 bare update',
      rounds: p50,
    }),
    figure({
      ...base,
      id: 'B2',
      title: 'staff action p99',
      ratio: 'p99 addNote via API ÷ p99 bare update',
      rounds: p99,
    }),
  ];
}
