/** B6 reads against a trivial route of the same process; B7 an action on an evicted case against a cached one. */
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import express from 'express';
import pino from 'pino';
import { createMailer } from '../mail/mailer';
import { createApp } from '../api/app';
import { ApiClient } from '../tests/helpers/http';
import { createBackfilledCase } from '../tests/faults/support/world';
import { ACTION_UPDATES, caseWorkflowId } from '../workflows/contract';
import { actorOf } from '../tests/helpers/case-driver';
import { size, type BenchContext } from './context';
import { figure, interleave, percentile, timed, type Figure } from './stats';

/** The API in this process, with a trivial route in front of it on the same server. */
async function inProcessApi(ctx: BenchContext): Promise<{ url: string; close(): Promise<void> }> {
  const mailer = createMailer({ smtpUrl: ctx.cluster.env.smtpUrl, from: 'bench <bench@test.example>' });
  const outer = express();
  outer.get('/bench/trivial', (_req, res) => void res.json({ ok: true }));
  outer.use(
    createApp({
      db: ctx.cluster.db,
      temporal: ctx.cluster.temporal,
      mailer,
      log: pino({ level: 'silent' }),
      taskQueue: ctx.cluster.env.taskQueue,
      authSecret: ctx.cluster.env.authSecret,
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = outer.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: async () => {
      await new Promise((r) => server.close(r));
      mailer.close();
    },
  };
}

/** Requests/s and latencies of `path` with `concurrency` clients for `ms` milliseconds. */
async function load(client: ApiClient, path: string, ms: number, concurrency = 8) {
  const latencies: number[] = [];
  const end = Date.now() + ms;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        latencies.push(
          await timed(async () => {
            const res = await client.get(path);
            if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
          }),
        );
      }
    }),
  );
  return { perSecond: (latencies.length / (Date.now() - start)) * 1000, p99: percentile(latencies, 99) };
}

/**
 * `count` synthetic cases of a procuratorate of their own, straight into the read model, each with its
 * creation record (the lead's words, which the text filter searches too): set-based, one statement each.
 */
async function seedCaseList(ctx: BenchContext, count: number): Promise<string> {
  const { org } = ctx.world;
  await ctx.cluster.db.query(
    `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source, handler_id,
                        organ_ids, next_due, overdue, summary, created_at, updated_at)
     SELECT 'bench-' || g, $1, 'bench-wf-' || g, '案件' || g || (CASE WHEN g % 7 = 0 THEN '固体废物' ELSE '食品' END),
            'administrative', (ARRAY['LEAD','EVALUATION','FILED','FOLLOW_UP'])[1 + g % 4], 'ecology', 'public_report', $2,
            ARRAY[(ARRAY[$3, $4, $5])[1 + g % 3]], current_date + (g % 90), g % 5 = 0, '{}',
            now() - make_interval(secs => g), now() - make_interval(secs => g)
       FROM generate_series(1, $6::int) AS g`,
    [org.procuratorateId, org.prosecutor.id, org.organs.eco, org.organs.market, org.organs.street, count],
  );
  await ctx.cluster.db.query(
    `INSERT INTO case_creations (case_id, procuratorate_id, input)
     SELECT 'bench-' || g, $1, jsonb_build_object('description', '群众反映某公司在厂区外堆放建筑垃圾，编号' || g)
       FROM generate_series(1, $2::int) AS g`,
    [org.procuratorateId, count],
  );
  // As autovacuum would after such a load: the planner's statistics cover the new rows.
  await ctx.cluster.db.query('ANALYZE cases, case_creations');
  return '/api/cases?stage=FOLLOW_UP&q=固体废物&sort=next_due&limit=50';
}

export async function b6Reads(ctx: BenchContext): Promise<Figure[]> {
  const ms = size(ctx, 1000, 10_000);
  const listSize = ctx.sizes.list ?? size(ctx, 10_000, 1_000_000);
  const api = await inProcessApi(ctx);
  const client = await ApiClient.login(api.url, ctx.world.org.prosecutor, undefined, { renew: true });
  const id = await createBackfilledCase(ctx.world, 0);
  const paths = { list: '/api/cases?limit=50', detail: `/api/cases/${id}`, trivial: '/bench/trivial' };
  const list: number[] = [];
  const detailRatio: number[] = [];
  const detail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const order =
      r % 2 === 0 ? (['list', 'detail', 'trivial'] as const) : (['trivial', 'detail', 'list'] as const);
    const got: Record<string, { perSecond: number; p99: number }> = {};
    for (const arm of order) got[arm] = await load(client, paths[arm], ms);
    list.push(got.list!.perSecond / got.trivial!.perSecond);
    detailRatio.push(got.detail!.perSecond / got.trivial!.perSecond);
    detail.push(got);
  }
  ctx.log(`B6: ${listSize} cases into the read model …`);
  const filtered = await seedCaseList(ctx, listSize);
  const p99: number[] = [];
  const bigDetail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const got: Record<string, { perSecond: number; p99: number }> = {};
    for (const arm of interleave(r, 'list', 'trivial'))
      got[arm] = await load(client, arm === 'list' ? filtered : paths.trivial, ms, 2);
    p99.push(got.list!.p99 / got.trivial!.p99);
    bigDetail.push({ ...got, cases: listSize, path: filtered });
  }
  await api.close();
  return [
    figure({
      id: 'B6',
      title: 'case list',
      ratio: 'requests/s ÷ trivial route, same process',
      better: 'higher',
      rounds: list,
      detail,
    }),
    figure({
      id: 'B6',
      title: 'case detail',
      ratio: 'requests/s ÷ trivial route, same process',
      better: 'higher',
      rounds: detailRatio,
      detail,
    }),
    figure({
      id: 'B6',
      title: `filtered list of ${listSize} cases`,
      ratio: 'p99 latency ÷ p99 of trivial route',
      better: 'lower',
      rounds: p99,
      detail: bigDetail,
    }),
  ];
}

/** B7: an action on a case evicted from the worker's cache (replayed) ÷ on a cached one, by history length. */
export async function b7Replay(ctx: BenchContext): Promise<Figure[]> {
  const targets = ctx.sizes.quick ? [200, 600] : [200, 2000, 10_000];
  await ctx.cluster.worker!.stop();
  // Two cases in memory: touching two others evicts the one measured (a cache of one evicts on every task).
  await ctx.cluster.startWorker({ WORKER_MAX_CACHED_WORKFLOWS: '2' });
  const others = [await createBackfilledCase(ctx.world, 0), await createBackfilledCase(ctx.world, 0)];
  const figures: Figure[] = [];
  for (const target of targets) {
    const id = await createBackfilledCase(ctx.world, 0);
    const events = await growHistory(ctx, id, target);
    if (events === undefined) {
      // Measuring now would time a fresh, short run under the label of a long history.
      ctx.log(`B7: the case continued as new before ${target} events; that length is not measured`);
      continue;
    }
    const rounds: number[] = [];
    const detail: Record<string, unknown>[] = [];
    for (let r = 0; r < ctx.sizes.rounds; r++) {
      for (const other of others) await note(ctx, other); // evicts `id`
      const evicted = await timed(() => note(ctx, id));
      const cached = await timed(() => note(ctx, id));
      rounds.push(evicted / cached);
      detail.push({ evictedMs: evicted, cachedMs: cached, historyEvents: events });
    }
    figures.push(
      figure({
        id: 'B7',
        title: `action on evicted case, ${events} events`,
        ratio: 'latency evicted (replay) ÷ cached',
        better: 'lower',
        rounds,
        detail,
        note: `target ${target} events`,
      }),
    );
  }
  await ctx.cluster.worker!.stop();
  await ctx.cluster.startWorker();
  return figures;
}

function note(ctx: BenchContext, caseId: string) {
  return ctx.world.prosecutor
    .post(
      `/api/cases/${caseId}/actions/addNote`,
      { text: 'B7' },
      { 'idempotency-key': randomBytes(8).toString('hex') },
    )
    .then((res) => {
      if (res.status !== 200) throw new Error(`addNote answered ${res.status}`);
    });
}

/**
 * Adds notes straight through the workflow's update until its history holds about `target` events;
 * undefined if the case continued as new on the way (its history cannot grow past that).
 */
async function growHistory(ctx: BenchContext, caseId: string, target: number): Promise<number | undefined> {
  const handle = ctx.cluster.temporal.workflow.getHandle(caseWorkflowId(caseId));
  const actor = actorOf(ctx.world.org.prosecutor);
  const length = async () => Number((await handle.describe()).historyLength);
  let previous = 0;
  for (let events = await length(); events < target; events = await length()) {
    if (events < previous) return undefined;
    previous = events;
    // Temporal admits at most 10 updates in flight per workflow.
    const batch = Math.max(1, Math.min(8, Math.ceil((target - events) / 12)));
    await Promise.all(
      Array.from({ length: batch }, () =>
        handle.executeUpdate(ACTION_UPDATES.addNote, {
          args: [{ actor, idempotencyKey: randomBytes(8).toString('hex'), payload: { text: 'B7 历史' } }],
        }),
      ),
    );
  }
  return length();
}
