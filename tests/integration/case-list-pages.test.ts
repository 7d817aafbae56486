/**
 * The case list against the plainest query that says what it means: for every order, filter and
 * kind of search word (common, rare, many matches far down the order, none), paging through with
 * cursors yields exactly the cases, in exactly the order, of one unindexed sorted query.
 */
import { listCases, type CaseListFilter, type CaseSort } from '../../store/case-list';
import { BY_ID, WALK } from '../../store/case-list-text';
import type { Db } from '../../store/pool';
import { createTestOrg, type TestOrg } from '../helpers/fixtures';
import { testDb } from '../helpers/system';

const CASES = 4200;
let db: Db;
let org: TestOrg;

beforeAll(async () => {
  db = testDb(2);
  org = await createTestOrg(db);
  // Deadlines rise with g: '远端' marks the last 2,100 cases by deadline, more than BY_ID yet none
  // among the first WALK; '常见' every third case; '罕见' five; the lead's words '线索词' a few.
  await db.query(
    `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source, handler_id,
                        organ_ids, next_due, next_due_provisional, overdue, summary, created_at, updated_at)
     SELECT $1 || '-pg-' || g, $1, $1 || '-pg-wf-' || g,
            '案件' || (CASE WHEN g % 3 = 0 THEN '常见' ELSE '' END) || (CASE WHEN g % 840 = 7 THEN '罕见' ELSE '' END)
              || (CASE WHEN g > $3::int - 2100 THEN '远端' ELSE '' END),
            'administrative', (ARRAY['LEAD','FILED'])[1 + g % 2], 'ecology', 'public_report', $2,
            CASE WHEN g % 4 = 0 THEN ARRAY[$4] ELSE ARRAY[]::text[] END,
            CASE WHEN g % 10 = 0 THEN NULL ELSE DATE '2026-01-01' + g / 7 END, g % 13 = 0, g % 5 = 0,
            CASE WHEN g % 17 = 0 THEN '{"anyProvisional": true}'::jsonb ELSE '{}'::jsonb END,
            TIMESTAMPTZ '2026-01-01' + make_interval(secs => g * 37 % 1000), TIMESTAMPTZ '2026-02-01' + make_interval(secs => g)
       FROM generate_series(1, $3::int) AS g`,
    [org.procuratorateId, org.prosecutor.id, CASES, org.organs.eco],
  );
  await db.query(
    `INSERT INTO case_creations (case_id, procuratorate_id, input)
     SELECT $1 || '-pg-' || g, $1, jsonb_build_object('description', CASE WHEN g % 600 = 5 THEN '线索词' ELSE '其他' END)
       FROM generate_series(1, $2::int) AS g`,
    [org.procuratorateId, CASES],
  );
  await db.query('ANALYZE cases, case_creations');
});

afterAll(() => db.close());

/** The original query: sort by the text the cursor carries, filter with no regard to any index. */
const REFERENCE_ORDER: Record<CaseSort, string> = {
  next_due: "COALESCE(next_due, DATE '9999-12-31')::text ASC, id ASC",
  created: `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') DESC, id DESC`,
  updated: `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') DESC, id DESC`,
};

async function reference(where: string, values: unknown[], sort: CaseSort): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM cases WHERE procuratorate_id = $1 AND ${where} ORDER BY ${REFERENCE_ORDER[sort]}`,
    [org.procuratorateId, ...values],
  );
  return rows.map((r) => r.id);
}

async function everyPage(filter: Omit<CaseListFilter, 'procuratorateId' | 'today'>, sort: CaseSort) {
  const ids: string[] = [];
  let after: { value: string; id: string } | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const { rows } = await listCases(
      db,
      { ...filter, procuratorateId: org.procuratorateId, today: '2026-01-01' },
      { sort, limit: 50, after },
    );
    ids.push(...rows.slice(0, 50).map((r) => r.id));
    if (rows.length <= 50) return ids;
    after = { value: rows[49]!.sort_value, id: rows[49]!.id };
  }
  throw new Error('more than 200 pages');
}

const TEXT = `(title ILIKE $2 OR id ILIKE $2 OR EXISTS (
  SELECT 1 FROM case_creations cc WHERE cc.case_id = cases.id AND cc.lead_text ILIKE $2))`;

describe('the case list, page by page', () => {
  it('when the sizes are as the test assumes, then the far word has more matches than are read by id', () => {
    expect(2100).toBeGreaterThan(BY_ID);
    expect(CASES - 2100).toBeGreaterThanOrEqual(WALK);
  });

  it.each(['next_due', 'created', 'updated'] as const)(
    'when the %s order is paged with no filter, then every case comes once in order',
    async (sort) => {
      const got = await everyPage({}, sort);
      expect(got).toHaveLength(CASES);
      expect(got).toEqual(await reference('true', [], sort));
    },
  );

  it.each([
    ['a common word', '常见'],
    ['a rare word', '罕见'],
    ['a word of the last cases by deadline', '远端'],
    ["the lead's words", '线索词'],
    ['a case number', 'pg-42'],
    ['no case', '没有这个词'],
  ])('when the list is searched for %s, then the pages hold its matches in order', async (_, word) => {
    for (const sort of ['next_due', 'created'] as const) {
      const expected = await reference(TEXT, [`%${word}%`], sort);
      expect(await everyPage({ q: word }, sort)).toEqual(expected);
    }
  });

  it('when a search is combined with a stage, then the pages hold the cases of both', async () => {
    const expected = await reference(`stage = 'FILED' AND ${TEXT}`, ['%远端%'], 'next_due');
    expect(expected.length).toBeGreaterThan(0);
    expect(await everyPage({ q: '远端', stages: ['FILED'] }, 'next_due')).toEqual(expected);
  });

  it('when the list is filtered by organ, provisional deadline or stage, then it holds exactly those cases', async () => {
    const provisional = "COALESCE((summary ->> 'anyProvisional')::boolean, next_due_provisional)";
    const cases: [Omit<CaseListFilter, 'procuratorateId' | 'today'>, string, unknown[]][] = [
      [{ organId: org.organs.eco }, '$2 = ANY(organ_ids)', [org.organs.eco]],
      [{ organId: 'org-none' }, '$2 = ANY(organ_ids)', ['org-none']],
      [{ provisional: true }, `${provisional} = true`, []],
      [{ provisional: false }, `${provisional} = false`, []],
      [{ stages: ['LEAD'] }, "stage = 'LEAD'", []],
      [{ stages: ['LEAD', 'FILED'] }, "stage IN ('LEAD', 'FILED')", []],
    ];
    for (const [filter, where, values] of cases)
      expect(await everyPage(filter, 'next_due')).toEqual(await reference(where, values, 'next_due'));
  });
});
