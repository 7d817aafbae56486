/** B4 worker memory per cached case and under a bounded cache; B5 the audit writer against plain inserts. */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { recordJournal } from '../store/journal';
import { createDb } from '../store/pool';
import { createBackfilledCase } from '../tests/faults/support/world';
import { size, type BenchContext } from './context';
import { figure, interleave, perSecond, throughput, type Figure } from './stats';

const TARGET_MB_PER_CASE = 1.5;

/** Resident set size of a process, in MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line![1]) / 1024;
}

/** Idle cases being created at once: enough to keep every process of the installation busy. */
const IDLE_IN_FLIGHT = 16;

async function createCases(ctx: BenchContext, count: number, inFlight = 4): Promise<number> {
  return throughput(count, inFlight, () => createBackfilledCase(ctx.world, 0));
}

export async function b4Memory(ctx: BenchContext): Promise<Figure[]> {
  const perRound = size(ctx, 15, 300);
  const idle = ctx.sizes.idle ?? size(ctx, 40, 100_000);
  const cache = size(ctx, 10, 500);
  // Growth per cached case: a fresh worker (empty cache, large enough for every case created here).
  await ctx.cluster.worker!.stop();
  const worker = await ctx.cluster.startWorker({ WORKER_MAX_CACHED_WORKFLOWS: '100000' });
  await createCases(ctx, 5); // warm-up: the first cases load code paths, not per-case state
  const growth: number[] = [];
  const detail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const before = rssMb(worker.pid);
    await createCases(ctx, perRound);
    const after = rssMb(worker.pid);
    growth.push((after - before) / perRound / TARGET_MB_PER_CASE);
    detail.push({
      rssBeforeMb: before,
      rssAfterMb: after,
      cases: perRound,
      mbPerCase: (after - before) / perRound,
    });
  }
  // Flat under a bounded cache: RSS over `idle` open idle cases, sampled at each quarter.
  await ctx.cluster.worker!.stop();
  const bounded = await ctx.cluster.startWorker({ WORKER_MAX_CACHED_WORKFLOWS: String(cache) });
  const samples: number[] = [];
  const quarter = Math.ceil(idle / 4);
  for (let q = 0; q < 4; q++) {
    const ms = await createCases(ctx, quarter, IDLE_IN_FLIGHT);
    samples.push(rssMb(bounded.pid));
    const rate = perSecond(quarter, ms).toFixed(1);
    ctx.log(`B4: ${(q + 1) * quarter} idle cases (${rate}/s), worker RSS ${samples[q]!.toFixed(0)} MB`);
  }
  const flat = [samples[2]! / samples[1]!, samples[3]! / samples[2]!, samples[3]! / samples[1]!];
  return [
    figure({
      id: 'B4',
      title: 'worker memory per cached case',
      ratio: 'RSS growth per cached case ÷ 1.5 MB target',
      better: 'lower',
      rounds: growth,
      detail,
    }),
    figure({
      id: 'B4',
      title: `RSS over ${quarter * 4} idle cases, cache ${cache}`,
      ratio: 'RSS at later quarter ÷ RSS at earlier quarter (1 = flat)',
      better: 'lower',
      rounds: flat,
      detail: [{ rssAtQuartersMb: samples, cases: quarter * 4, maxCachedWorkflows: cache }],
    }),
  ];
}

export async function b5Audit(ctx: BenchContext): Promise<Figure> {
  const perArm = size(ctx, 400, 3000);
  const lanes = 4;
  const db = createDb({
    connectionString: ctx.cluster.env.databaseUrl,
    max: lanes,
    applicationName: 'duban-bench',
  });
  await db.query(`CREATE TABLE IF NOT EXISTS bench_plain_entries (
    case_id text, seq integer, at timestamptz, actor_id text, kind text, stage text, data jsonb,
    reason text, prev_hash text, hash text)`);
  const payload = { text: '与行政机关电话沟通，对方表示将于近期整改。', by: 'bench' };
  const rounds: number[] = [];
  const detail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const run = randomBytes(3).toString('hex');
    const seqs = new Map<string, number>();
    const entry = (i: number) => {
      const caseId = `bench-${run}-${i % lanes}`;
      const seq = (seqs.get(caseId) ?? 0) + 1;
      seqs.set(caseId, seq);
      return {
        caseId,
        seq,
        at: new Date().toISOString(),
        actorId: 'bench',
        kind: 'addNote',
        stage: 'LEAD',
        data: payload,
        reason: null,
      };
    };
    const arms = {
      // One entry per transaction through the audit writer: chain link, hash, uniqueness, trigger.
      audit: () =>
        laned(perArm, lanes, (i) => {
          const e = entry(i);
          return recordJournal(db, 'http://bench', {
            caseId: e.caseId,
            procuratorateId: 'bench',
            entries: [e],
          });
        }),
      // The same row, one transaction each, into a table with no constraint, index or trigger.
      plain: () =>
        laned(perArm, lanes, (i) =>
          db.withTransaction((tx) =>
            tx.query(
              `INSERT INTO bench_plain_entries (case_id, seq, at, actor_id, kind, stage, data, reason, prev_hash, hash)
               VALUES ($1, $2, now(), 'bench', 'addNote', 'LEAD', $3, NULL, $4, $4)`,
              [`plain-${run}-${i % lanes}`, i, JSON.stringify(payload), '0'.repeat(64)],
            ),
          ),
        ),
    };
    const ms: Record<string, number> = {};
    for (const arm of interleave(r, 'audit', 'plain') as ('audit' | 'plain')[]) ms[arm] = await arms[arm]();
    rounds.push(ms.plain! / ms.audit!);
    detail.push({
      auditPerSecond: (perArm / ms.audit!) * 1000,
      plainPerSecond: (perArm / ms.plain!) * 1000,
      perArm,
    });
  }
  await db.close();
  return figure({
    id: 'B5',
    title: 'audit timeline writes',
    ratio: 'entries/s through the audit writer ÷ plain inserts/s',
    better: 'higher',
    rounds,
    detail,
  });
}

/** `count` items over `lanes` sequential lanes (lane = i mod lanes), so each case's chain grows in order. */
async function laned(count: number, lanes: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < count; i += lanes) await work(i);
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1e6;
}
