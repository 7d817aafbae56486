/**
 * The case list's query plans over a large register, filter by filter: which index each page reads and
 * how long PostgreSQL takes (EXPLAIN ANALYZE), for checking the list's indexes (migration 690).
 *
 *   node --require tsx/cjs bench/list-plans.ts [cases, default 1000000] [filter name prefix]
 *
 * Starts its own PostgreSQL in a scratch folder, seeds one procuratorate set-based (about two
 * minutes at 1,000,000 on 2 cores), prints one line per filter and stops.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../dev/debian-postgres';
import { listCases, type CaseListFilter, type CaseSort } from '../store/case-list';
import { migrate } from '../store/migrate';
import { createDb, type Db, type Tx } from '../store/pool';
import { createTestOrg, type TestOrg } from '../tests/helpers/fixtures';

type Probe = [name: string, filter: Omit<CaseListFilter, 'procuratorateId' | 'today'>, sort: CaseSort];

function probes(org: TestOrg): Probe[] {
  return [
    ['no filter', {}, 'next_due'],
    ['no filter, newest', {}, 'created'],
    ['no filter, last handled', {}, 'updated'],
    ['one stage', { stages: ['FOLLOW_UP'] }, 'next_due'],
    ['two stages', { stages: ['FOLLOW_UP', 'LEAD'] }, 'next_due'],
    ['B6: stage and a common word', { stages: ['FOLLOW_UP'], q: '固体废物' }, 'next_due'],
    ['a rare word of the title', { q: '案件99999' }, 'next_due'],
    ["a rare word of the lead's", { q: '编号123456' }, 'next_due'],
    ["a common word of the lead's", { q: '医疗废物' }, 'next_due'],
    ['a two-character word', { q: '食品' }, 'next_due'],
    ['a word no case has', { q: '没有的词' }, 'next_due'],
    ['domain', { domainCode: 'food' }, 'next_due'],
    ['organ', { organId: org.organs.market }, 'next_due'],
    ['an organ with no case', { organId: 'org-none' }, 'next_due'],
    ['handler', { handlerId: org.head.id }, 'next_due'],
    ['overdue', { overdue: true }, 'next_due'],
    ['provisional', { provisional: true }, 'next_due'],
    ['due within 7 days', { dueWithinDays: 7 }, 'next_due'],
  ];
}

async function seed(db: Db, org: TestOrg, count: number): Promise<void> {
  await db.query(
    `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source, handler_id,
                        organ_ids, next_due, overdue, summary, created_at, updated_at)
     SELECT 'bench-' || g, $1, 'bench-wf-' || g, '案件' || g || (CASE WHEN g % 7 = 0 THEN '固体废物' ELSE '食品' END),
            'administrative', (ARRAY['LEAD','EVALUATION','FILED','FOLLOW_UP'])[1 + g % 4],
            (ARRAY['ecology','food','land'])[1 + g % 3], 'public_report', (ARRAY[$2, $3])[1 + g % 2],
            ARRAY[(ARRAY[$4, $5, $6])[1 + g % 3]], current_date + (g % 90), g % 5 = 0, '{}',
            now() - make_interval(secs => g), now() - make_interval(secs => g)
       FROM generate_series(1, $7::int) AS g`,
    [
      org.procuratorateId,
      org.prosecutor.id,
      org.head.id,
      org.organs.eco,
      org.organs.market,
      org.organs.street,
      count,
    ],
  );
  await db.query(
    `INSERT INTO case_creations (case_id, procuratorate_id, input)
     SELECT 'bench-' || g, $1, jsonb_build_object('description',
            '群众反映某公司在厂区外堆放' || (CASE WHEN g % 11 = 0 THEN '医疗废物' ELSE '建筑垃圾' END) || '，编号' || g)
       FROM generate_series(1, $2::int) AS g`,
    [org.procuratorateId, count],
  );
  await db.query('ANALYZE cases, case_creations');
}

/** Runs each query of a page twice: EXPLAIN ANALYZE for its plan and time, then for its rows. */
function explaining(db: Db, seen: string[]): Db {
  const wrap = (tx: Tx): Tx => ({
    async query(sql, values) {
      if (sql.startsWith('SET')) return tx.query(sql, values);
      const plan = (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${sql}`, values)).map(
        (r) => r['QUERY PLAN'],
      );
      const time = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '');
      const scans = plan
        .filter((l) => / Scan /.test(l) && !l.includes('case_alerts'))
        .map((l) =>
          l
            .trim()
            .replace(/^->\s+/, '')
            .replace(/\s+\(cost.*/, ''),
        );
      seen.push(`${time}: ${scans.join(', ')}`);
      return tx.query(sql, values);
    },
  });
  return { ...db, withTransaction: (work) => db.withTransaction((tx) => work(wrap(tx))) };
}

async function main(count: number, only?: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-list-plans-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as the postgres user when we are root
  const pg = await startPostgres(join(dir, 'pg'));
  const db = createDb({ connectionString: pg.url, max: 2, applicationName: 'duban-bench' });
  try {
    await migrate(db);
    const org = await createTestOrg(db);
    const started = Date.now();
    await seed(db, org, count);
    process.stdout.write(`${count} cases seeded in ${Math.round((Date.now() - started) / 1000)} s\n`);
    for (const [name, filter, sort] of probes(org)) {
      if (only && !name.startsWith(only)) continue;
      const seen: string[] = [];
      const page = {
        ...filter,
        procuratorateId: org.procuratorateId,
        today: new Date().toISOString().slice(0, 10),
      };
      const { rows } = await listCases(explaining(db, seen), page, { sort, limit: 50 });
      process.stdout.write(`${name} (${Math.min(rows.length, 50)} rows): ${seen.join(' | then ')}\n`);
    }
  } finally {
    await db.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2] ?? 1_000_000), process.argv[3]).catch((err: unknown) => {
  process.stderr.write(`list-plans: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
