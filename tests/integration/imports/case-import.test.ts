import ExcelJS from 'exceljs';
import {
  CASE_SHEET,
  HELP_SHEET,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
} from '../../../domain/case-import/columns';
import { addDays } from '../../../domain/period/dates';
import { shanghaiDate } from '../../../domain/time';
import { ApiClient, type ApiResponse } from '../../helpers/http';
import { caseWorkbook, goodRow, type Shape, type WorkbookRow } from '../../helpers/import-workbook';
import { useWorld } from '../../helpers/world';
import type { TestOrg } from '../../helpers/fixtures';

const world = useWorld();
let office: ApiClient;
const today = shanghaiDate(new Date());
const run = Date.now().toString(36);

beforeAll(async () => {
  office = await ApiClient.login(world.system.baseUrl, world.org.caseOffice);
});

/** Ten ways a row goes wrong, each with the words the report must use for it. */
const DEFECTS: { name: string; spoil: (row: WorkbookRow, earlierKey: string) => void; said: string }[] = [
  { name: 'no title', spoil: (r) => delete r['线索名称'], said: '线索名称：必填' },
  {
    name: 'no such date',
    spoil: (r) => (r['收到线索日期'] = '2025-02-30'),
    said: '收到线索日期：“2025-02-30”不是有效日期',
  },
  {
    name: 'unknown organ',
    spoil: (r) => (r['被监督行政机关'] = '区火星管理局'),
    said: '被监督行政机关：“区火星管理局”不在本院行政机关名录中',
  },
  {
    name: 'unknown handler',
    spoil: (r) => (r['承办人账号'] = 'nobody'),
    said: '承办人账号：本院没有在职账号 nobody',
  },
  {
    name: 'future date',
    spoil: (r) => (r['立案日期'] = addDays(today, 3)),
    said: `立案日期：${addDays(today, 3)} 晚于今天`,
  },
  {
    name: 'filed before received',
    spoil: (r) => (r['立案日期'] = addDays(r['收到线索日期']!, -1)),
    said: '立案日期：',
  },
  {
    name: 'title too long',
    spoil: (r) => (r['线索名称'] = '长'.repeat(201)),
    said: '线索名称：线索名称过长（最多 200 字）',
  },
  { name: 'key repeated', spoil: (r, earlier) => (r['原案号'] = earlier), said: '原案号：与第 2 行重复' },
  {
    name: 'unknown source',
    spoil: (r) => (r['线索来源'] = '梦中所见'),
    said: '线索来源：“梦中所见”不是可选的线索来源',
  },
  {
    name: 'finding without reply',
    spoil: (r) => ((r['建议1认定日期'] = today), (r['建议1认定结果'] = '整改到位')),
    said: '建议1认定日期：认定整改情况前须先有回复',
  },
];

/** `total` rows cycling over `shapes`; every `every`-th row spoiled by the next defect. Row i sits on sheet row i + 2. */
function rows(org: TestOrg, prefix: string, total: number, every: number, shapes: Shape[]) {
  const bad = new Map<number, string>();
  const list: WorkbookRow[] = [];
  for (let i = 0; i < total; i += 1) {
    const shape = (i % every === every - 1 ? 'recommended' : shapes[i % shapes.length])!;
    const row = goodRow(org, today, `${prefix}-${i}`, shape);
    if (i % every === every - 1) {
      const defect = DEFECTS[bad.size % DEFECTS.length]!;
      defect.spoil(row, `${prefix}-0`);
      bad.set(i + 2, defect.said);
    }
    list.push(row);
  }
  return { list, bad };
}

async function upload(path: string, bytes: Buffer): Promise<ApiResponse> {
  return office.post(path, new Uint8Array(bytes));
}

async function importAndWait(bytes: Buffer): Promise<ApiResponse> {
  const started = await upload('/api/case-imports?fileName=cases.xlsx', bytes);
  expect(started.status).toBe(202);
  const location = started.headers.get('location')!;
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const job = await office.get(location);
    if (job.body.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the import did not finish in 10 minutes');
}

const importedCases = async (prefix: string) =>
  world.system.db.query<{ id: string; external_ref: string }>(
    'SELECT id, external_ref FROM cases WHERE procuratorate_id = $1 AND external_ref LIKE $2',
    [world.org.procuratorateId, `${prefix}-%`],
  );

describe('the import template', () => {
  it('when the case office downloads it, then it has the case sheet with every column and a sheet explaining them', async () => {
    const res = await office.download('/api/case-imports/template');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ExcelJS.Buffer);
    const headers = (book.getWorksheet(CASE_SHEET)!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    const help = book.getWorksheet(HELP_SHEET)!;
    const explained = help.getColumn(1).values.slice(1).map(String);
    for (const c of IMPORT_COLUMNS) expect(explained).toContain(c.header);
  });
});

describe('the dry run', () => {
  it('when a workbook of 500 rows has 20 bad ones, then the report names each bad row and why, and plans the other 480 with their clocks', async () => {
    const { list, bad } = rows(world.org, `dry${run}`, 500, 25, ['lead', 'filed', 'recommended', 'settled']);
    const res = await upload('/api/case-imports/dry-run', await caseWorkbook(list));
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ rows: 500, ok: 480, errors: 20, imported: 0 });
    const errorRows = res.body.rows.filter((r: { status: string }) => r.status === 'error');
    expect(errorRows.map((r: { row: number }) => r.row)).toEqual([...bad.keys()]);
    for (const r of errorRows) expect(r.errors.join('\n')).toContain(bad.get(r.row));
    // A recommendation received 97 days ago without a reply: its two-month reply clock is overdue.
    const recommended = res.body.rows.find((r: { key: string }) => r.key === `dry${run}-2`);
    expect(recommended.summary).toContain('检察建议 1 份');
    const reply = recommended.clocks.find((c: { clockId: string }) => c.clockId === 'reply');
    expect(reply).toMatchObject({ start: addDays(today, -97), state: '已逾期', overdue: true });
    expect(reply.due < today).toBe(true);
    // Nothing was written.
    expect(await importedCases(`dry${run}`)).toHaveLength(0);
  });

  it.each([
    ['a file that is not a workbook', 415, Buffer.from('原案号,线索名称\n1,2\n')],
    ['a file over the size limit', 413, Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x50)],
  ])('when given %s, then the answer is %d and names the problem', async (_name, status, bytes) => {
    const res = await upload('/api/case-imports/dry-run', bytes);
    expect(res.status).toBe(status);
    expect(res.body.detail).toMatch(/xlsx|MB/);
  });

  it('when the case sheet lacks a required column, then 422 names it', async () => {
    const headers = IMPORT_COLUMNS.map((c) => c.header).filter((h) => h !== '承办人账号');
    const res = await upload('/api/case-imports/dry-run', await caseWorkbook([{ 原案号: 'x' }], headers));
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('缺少列：承办人账号');
  });

  it('when a prosecutor asks, then 403: importing is the case office’s and the administrator’s', async () => {
    const prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
    const res = await prosecutor.post('/api/case-imports/dry-run', new Uint8Array(await caseWorkbook([])));
    expect(res.status).toBe(403);
  });
});

describe('the import of 500 rows, 20 of them bad', () => {
  it('when imported twice, then the 480 good rows become cases once and the 20 bad rows are named with why', async () => {
    const prefix = `imp${run}`;
    // Leads and filed cases: the rows of every shape are the clocks test's and the dry run's.
    const { list, bad } = rows(world.org, prefix, 500, 25, ['lead', 'lead', 'filed']);
    const bytes = await caseWorkbook(list);
    const first = await importAndWait(bytes);
    expect(first.body).toMatchObject({
      status: 'finished',
      total: 500,
      processed: 500,
      created: 480,
      skipped: 0,
      failed: 20,
    });
    const problems = first.body.problems as { row: number; message: string }[];
    expect(problems.map((p) => p.row)).toEqual([...bad.keys()]);
    for (const p of problems) expect(p.message).toContain(bad.get(p.row));
    expect(await importedCases(prefix)).toHaveLength(480);

    const again = await importAndWait(bytes);
    expect(again.body).toMatchObject({ status: 'finished', created: 0, skipped: 480, failed: 20 });
    expect(await importedCases(prefix)).toHaveLength(480);
    const dry = await upload('/api/case-imports/dry-run', bytes);
    expect(dry.body.totals).toMatchObject({ ok: 0, imported: 480, errors: 20 });
  }, 900_000);
});

describe('an import cut off half way', () => {
  it('when its process went away, then its job reads as failed, and importing the file again finishes the row without taking any action twice', async () => {
    const key = `cut${run}-1`;
    const bytes = await caseWorkbook([goodRow(world.org, today, key, 'filed')]);
    expect((await importAndWait(bytes)).body).toMatchObject({ created: 1 });
    const [imported] = await importedCases(`cut${run}`);
    // The actions on its timeline (reminders and expiries of the past clocks come and go beside them).
    const actions = async () =>
      (
        await world.system.db.query<{ kind: string }>(
          `SELECT kind FROM audit_entries WHERE case_id = $1 AND kind ~ '^(propose|decide|record)' ORDER BY seq`,
          [imported!.id],
        )
      ).map((e) => e.kind);
    expect(await actions()).toEqual([
      'proposeFiling',
      'decideFiling',
      'recordFilingService',
      'recordInvestigation',
    ]);
    // As if the job had died after the row's first action: its row unfinished, the job silent for ten minutes.
    const { db } = world.system;
    await db.query(
      `INSERT INTO case_import_jobs (id, procuratorate_id, created_by, file_name, status, total, touched_at)
       VALUES ($1, $2, $3, 'cut.xlsx', 'running', 1, now() - interval '10 minutes')`,
      [`imp-cut${run}`, world.org.procuratorateId, world.org.caseOffice.id],
    );
    await db.query(
      `UPDATE case_import_rows SET job_id = $3, steps_done = 1, completed_at = NULL
        WHERE procuratorate_id = $1 AND row_key = $2`,
      [world.org.procuratorateId, key, `imp-cut${run}`],
    );
    expect((await office.get(`/api/case-imports/imp-cut${run}`)).body.status).toBe('failed');

    const resumed = await importAndWait(bytes);
    expect(resumed.body).toMatchObject({ created: 1, skipped: 0, failed: 0 });
    expect(await importedCases(`cut${run}`)).toHaveLength(1);
    expect(await actions()).toEqual([
      'proposeFiling',
      'decideFiling',
      'recordFilingService',
      'recordInvestigation',
    ]);
    const [row] = await db.query<{ steps_done: number; steps_total: number; completed: boolean }>(
      `SELECT steps_done, steps_total, completed_at IS NOT NULL AS completed FROM case_import_rows
        WHERE procuratorate_id = $1 AND row_key = $2`,
      [world.org.procuratorateId, key],
    );
    expect(row).toEqual({ steps_done: row!.steps_total, steps_total: 4, completed: true });
  });
});

describe('the clocks of an imported case', () => {
  it('when a case is imported and the same case is entered by hand, then both have the same clocks, and the dry run foresaw them', async () => {
    const row = goodRow(world.org, today, `same${run}-1`, 'settled');
    const bytes = await caseWorkbook([row]);
    const dry = await upload('/api/case-imports/dry-run', bytes);
    const job = await importAndWait(bytes);
    expect(job.body).toMatchObject({ created: 1, failed: 0 });
    const [imported] = await importedCases(`same${run}`);

    const byHand = await enterByHand(world.org, row);
    const clocksOf = (caseId: string) =>
      world.system.db.query<{ clock_key: string; due: string; status: string }>(
        `SELECT clock_key, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(due_date, 'YYYY-MM-DD') AS due, status
           FROM case_clocks WHERE case_id = $1 ORDER BY clock_key`,
        [caseId],
      );
    const mine = await clocksOf(imported!.id);
    expect(mine.length).toBeGreaterThanOrEqual(7);
    expect(mine).toEqual(await clocksOf(byHand));
    const foreseen = dry.body.rows[0].clocks.map((c: { clockId: string; due: string }) => [c.clockId, c.due]);
    for (const [clockId, due] of foreseen)
      expect(mine.find((c) => c.clock_key.split(':')[0] === clockId)?.due).toBe(due);
  });
});

/** The row's case as the prosecutor and the chief would enter it through the API; returns its ID. */
async function enterByHand(org: TestOrg, row: WorkbookRow): Promise<string> {
  const prosecutor = await ApiClient.login(world.system.baseUrl, org.prosecutor);
  const chief = await ApiClient.login(world.system.baseUrl, org.chief);
  const created = await prosecutor.postSettled('/api/cases', {
    title: row['线索名称'],
    description: row['线索内容'],
    domainCode: 'ecology',
    source: 'self_discovered',
    receivedOn: row['收到线索日期'],
  });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  const act = async (who: ApiClient, action: string, body: object) => {
    const res = await who.postSettled(`/api/cases/${id}/actions/${action}`, body);
    expect([action, res.status]).toEqual([action, 200]);
  };
  const note = '既往案件';
  const filed = row['立案日期']!;
  const decided = row['检察建议决定日期']!;
  await act(prosecutor, 'proposeFiling', { reason: note, proposedOn: filed });
  await act(chief, 'decideFiling', { approve: true, decidedOn: filed, reason: '同意' });
  await act(prosecutor, 'recordFilingService', {
    servedOn: row['立案决定书送达日期'],
    organIds: [org.organs.eco],
  });
  await act(prosecutor, 'recordInvestigation', { on: row['调查日期'], summary: note });
  await act(prosecutor, 'proposeRecommendation', {
    reason: note,
    proposedOn: decided,
    recommendations: [
      {
        organId: org.organs.eco,
        rectificationPeriod: { unit: 'months', count: 3 },
        summary: row['建议1内容'],
      },
    ],
  });
  await act(chief, 'decideRecommendation', { approve: true, decidedOn: decided, reason: '同意' });
  const rec = { recommendationId: 'rec-1' };
  await act(prosecutor, 'recordRecommendationService', {
    ...rec,
    servedOn: row['建议1送达日期'],
    receivedOn: row['建议1签收日期'],
  });
  await act(prosecutor, 'recordRecommendationFiledAbove', { ...rec, filedOn: row['建议1备案日期'] });
  await act(prosecutor, 'recordReply', {
    ...rec,
    repliedOn: row['建议1回复日期'],
    claim: 'rectified',
    summary: '已整改',
  });
  await act(prosecutor, 'recordFinding', {
    ...rec,
    checkedOn: row['建议1认定日期'],
    result: 'rectified',
    summary: note,
  });
  return id;
}
