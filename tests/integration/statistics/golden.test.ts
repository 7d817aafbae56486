/**
 * Golden statistics: the fixed backfilled cases of golden-cases.ts, counted by hand once into the
 * tables below, for the half-year before and the quarter after the 2025-06-30 / 07-01 boundary —
 * with the PostgreSQL session in UTC and in Asia/Shanghai, which must give the same figures.
 */
import mammoth from 'mammoth';
import { similarCaseAnalysis } from '../../../api/statistics/analysis';
import {
  situationReport,
  situationReportCsv,
  situationReportDocx,
} from '../../../api/statistics/situation-report';
import { organTable, periodSummary } from '../../../api/statistics/summary';
import { createDb, type Db } from '../../../store/pool';
import { casesOfFigure, type FigureCriteria } from '../../../store/statistics-cases';
import { saveRepeatOffenderThreshold } from '../../../store/statistics-policy';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { testDb } from '../../helpers/system';
import { caseIdOf, insertGoldenCases } from './golden-cases';

const H1 = { from: '2025-01-01', to: '2025-06-30' };
const Q3 = { from: '2025-07-01', to: '2025-09-30' };
const now = () => new Date('2026-12-02T04:00:00Z');

/**
 * One connection whose session runs in `zone`: asked for at connection (a real PostgreSQL) and
 * set on the session (the embedded PGlite, one session for all: `restore` puts its zone back).
 */
async function dbInZone(zone: string): Promise<{ db: Db; restore: () => Promise<void> }> {
  const url = new URL(process.env.DUBAN_TEST_DATABASE_URL!);
  url.searchParams.set('options', `-c TimeZone=${zone}`);
  const db = createDb({ connectionString: url.toString(), max: 1, applicationName: 'duban-test' });
  const [before] = await db.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
  const setZone = (z: string) => db.query("SELECT set_config('TimeZone', $1, false)", [z]);
  await setZone(zone);
  return {
    db,
    restore: async () => {
      await setZone(before!.zone);
      await db.close();
    },
  };
}

const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

let setup: Db;
let org: TestOrg;
beforeAll(async () => {
  setup = testDb(2);
  org = await createTestOrg(setup);
  await insertGoldenCases(setup, org);
});
afterAll(() => setup.close());

describe.each(['UTC', 'Asia/Shanghai'])('with the PostgreSQL session in %s', (zone) => {
  let db: Db;
  let restore: () => Promise<void>;
  beforeAll(async () => {
    ({ db, restore } = await dbInZone(zone));
  });
  afterAll(() => restore());

  it('runs in that time zone', async () => {
    expect((await db.query<{ TimeZone: string }>('SHOW TimeZone'))[0]!.TimeZone).toBe(zone);
  });

  it('when a period ends at 06-30, then events of 06-30 23:30 China time count in it and those of 07-01 00:30 do not', async () => {
    const s = await periodSummary({ db, now }, org.procuratorateId, H1);
    expect(s.byStage).toEqual([
      { stage: 'CLOSED', count: 1 },
      { stage: 'LITIGATION_REVIEW', count: 1 },
    ]);
    expect(s.byDomain.map(({ domainCode, count, received }) => ({ domainCode, count, received }))).toEqual([
      { domainCode: 'ecology', count: 1, received: 1 },
      { domainCode: 'food_drug', count: 1, received: 1 },
    ]);
    expect(s.overdueByMonth).toEqual([{ month: '2025-03', count: 1 }]);
    expect(s.recommendations).toEqual({ total: 2, rectified: 0, nonPerformance: 1, litigated: 1 });
    expect(organsByName(s.organs)).toEqual({
      区生态环境局: organ({ recommendations: 1, served: 1, repliedOnTime: 1, onTimeReplyRate: 1 }),
      区市场监督管理局: organ({}),
      街道办事处: organ({
        recommendations: 1,
        served: 1,
        noReply: 1,
        nonPerformance: 1,
        litigatedCases: 1,
        onTimeReplyRate: 0,
        rectificationRate: 0,
      }),
    });
  });

  it('when a period starts at 07-01, then it counts the events of 07-01 00:30 China time and the organ table keeps to it', async () => {
    const s = await periodSummary({ db, now }, org.procuratorateId, Q3);
    expect(s.byStage).toEqual([
      { stage: 'LITIGATION', count: 1 },
      { stage: 'TERMINATED', count: 1 },
    ]);
    expect(s.byDomain.map(({ domainCode, count, received }) => ({ domainCode, count, received }))).toEqual([
      { domainCode: 'ecology', count: 2, received: 2 },
    ]);
    expect(s.overdueByMonth).toEqual([
      { month: '2025-07', count: 1 },
      { month: '2025-08', count: 1 },
    ]);
    expect(s.recommendations).toEqual({ total: 4, rectified: 3, nonPerformance: 3, litigated: 1 });
    expect(s.repeatOffenderThreshold).toBe(2);
    expect(organsByName(s.organs)).toEqual({
      区生态环境局: organ({
        recommendations: 2,
        served: 2,
        repliedOnTime: 1,
        repliedLate: 1,
        rectified: 2,
        nonPerformance: 2,
        rebounds: 1,
        litigatedCases: 1,
        onTimeReplyRate: 0.5,
        rectificationRate: 0.5,
        repeatOffender: true,
      }),
      区市场监督管理局: organ({
        recommendations: 2,
        served: 2,
        repliedOnTime: 1,
        noReply: 1,
        rectified: 1,
        nonPerformance: 1,
        litigatedCases: 1,
        onTimeReplyRate: 0.5,
        rectificationRate: 0.5,
      }),
      街道办事处: organ({}),
    });
  });

  it('when the quarter is analysed, then 类案分析 gives the hand-counted table', async () => {
    const a = await similarCaseAnalysis({ db, now }, org.procuratorateId, Q3);
    const cells = (rows: { outcome: string; count: number }[], of: (r: never) => string) =>
      byKey(
        rows.map((r) => `${of(r as never)}|${r.outcome}|${r.count}`),
        (x) => x,
      );
    expect(cells(a.domainOutcomes, (r: { domainCode: string }) => r.domainCode)).toEqual(
      byKey(
        [
          'ecology|judgment_upheld|1',
          'ecology|non_performance|1',
          'ecology|rectified|1',
          'ecology|sued|1',
          'ecology|terminated|1',
          'food_drug|non_performance|1',
          'food_drug|rebound|1',
          'food_drug|rectified|1',
        ],
        (x) => x,
      ),
    );
    expect(cells(a.organOutcomes, (r: { name: string }) => r.name)).toEqual(
      byKey(
        [
          '区生态环境局|non_performance|2',
          '区生态环境局|rebound|1',
          '区生态环境局|rectified|2',
          '区生态环境局|sued|1',
          '区市场监督管理局|non_performance|1',
          '区市场监督管理局|rectified|1',
          '区市场监督管理局|sued|1',
          '街道办事处|judgment_upheld|1',
        ],
        (x) => x,
      ),
    );
    expect(byKey(a.leadSources, (r) => r.source).map((r) => [r.source, r.count])).toEqual([
      ['media', 1],
      ['self_discovered', 1],
    ]);
    expect(byKey(a.tracks, (r) => r.track)).toEqual([
      { track: 'administrative', count: 1 },
      { track: 'civil', count: 1 },
    ]);
    expect(byKey(a.nonPerformanceReasons, (r) => r.reason).map((r) => [r.reason, r.count])).toEqual([
      ['harm_persists', 1],
      ['measures_not_implemented', 1],
      ['no_reply_no_action', 1],
      ['other', 1],
      ['replied_without_action', 1],
    ]);
    expect(a.replies).toEqual({
      count: 3,
      onTime: 2,
      onTimeRate: 0.667,
      medianDays: 30,
      meanDays: 36.7,
      findings: 6,
      onTimeAndRectified: 3,
      replyRectificationRate: 0.5,
    });
    expect(a.repeatOffenders).toEqual([
      { organId: org.organs.eco, name: '区生态环境局', nonPerformance: 2, rebounds: 1 },
    ]);
  });

  it('when the quarter is reported, then the 情况汇报 gives its figures and the change from the quarter before', async () => {
    const report = await situationReport({ db, now }, org.procuratorateId, {
      ...Q3,
      recipient: '区人大常委会',
    });
    expect(report.previous).toEqual({ from: '2025-03-31', to: '2025-06-30' });
    const text = (await mammoth.extractRawText({ buffer: await situationReportDocx(report) })).value;
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(lines.slice(0, 2)).toEqual([
      '关于2025年7月1日至2025年9月30日公益诉讼检察工作情况的报告',
      '区人大常委会：',
    ]);
    // The quarter before (03-31 to 06-30) holds two leads received and filed (05-10/05-20 and
    // 06-30 23:30), one recommendation (06-01) replied to on 06-30, a suit filed on 06-30, and no
    // finding (the street office's was on 03-10).
    expect(text).toContain(
      '本院共受理公益诉讼案件线索2件，较上一同期（2025年3月31日至2025年6月30日）持平；立案2件，持平。',
    );
    expect(text).toContain(
      '期间内制发诉前检察建议4件，增加3件；收到行政机关回复3件，其中按期回复2件（按期回复率66.7%）。',
    );
    expect(text).toContain('跟进调查认定整改到位3件、未依法履职3件；回复整改率50%（上一同期无可计算数据）。');
    expect(text).toContain('期间内提起公益诉讼1件，持平；法院作出裁判1件，其中支持起诉请求1件');
    const table = (header: string, columns: number) => {
      const at = lines.indexOf(header);
      const rows: string[][] = [];
      for (
        let i = at + columns;
        i + columns <= lines.length && !/^[一二三四五六七]、/.test(lines[i]!);
        i += columns
      )
        rows.push(lines.slice(i, i + columns));
      return rows;
    };
    expect(table('项目', 4)).toEqual([
      ['受理公益诉讼案件线索', '2', '2', '持平'],
      ['立案', '2', '2', '持平'],
      ['制发诉前检察建议', '4', '1', '增加3件'],
      ['行政机关回复', '3', '1', '增加2件'],
      ['跟进调查认定整改到位', '3', '0', '增加3件'],
      ['认定行政机关未依法履职', '3', '0', '增加3件'],
      ['提起公益诉讼', '1', '1', '持平'],
      ['法院作出裁判', '1', '0', '增加1件'],
    ]);
    expect(table('行政机关', 5)).toEqual([
      ['区生态环境局', '2', '50%', '50%', '2'],
      ['区市场监督管理局', '2', '50%', '50%', '1'],
    ]);
    expect(table('领域', 3)).toEqual([['生态环境和资源保护', '2', '2']]);
    expect(situationReportCsv(report).split('\r\n')[3]).toBe('制发诉前检察建议,4,1,增加3件');
  });

  it('when a figure is drilled into, then it lists exactly the cases it counted', async () => {
    const cases = async (f: FigureCriteria, period = Q3) => {
      const { rows, total } = await casesOfFigure(db, org.procuratorateId, period, f, {
        limit: 1000,
        offset: 0,
      });
      // The count for the pages has the figure's own criteria.
      expect(total).toBe(rows.length);
      return rows.map((r) => r.case_id).sort();
    };
    const ids = (...keys: string[]) => keys.map((k) => caseIdOf(org, k)).sort();
    expect(await cases({ figure: 'received', stage: 'LITIGATION' })).toEqual(ids('c2'));
    expect(await cases({ figure: 'received' }, H1)).toEqual(ids('c1', 'c3'));
    expect(await cases({ figure: 'filed', domainCode: 'ecology' })).toEqual(ids('c2', 'c4'));
    expect(await cases({ figure: 'filed', track: 'civil' })).toEqual(ids('c4'));
    const failures = { figure: 'outcome', outcomes: ['non_performance', 'rebound'] } as const;
    expect(await cases({ ...failures, organId: org.organs.eco })).toEqual(ids('c2', 'c3'));
    expect(await cases({ figure: 'outcome', outcomes: ['judgment_upheld'] })).toEqual(ids('c6'));
    expect(await cases({ figure: 'outcome', outcomes: ['sued'] }, H1)).toEqual(ids('c6'));
    expect(await cases({ figure: 'reason', reason: 'harm_persists' })).toEqual(ids('c3'));
    expect(await cases({ figure: 'replied', onTime: false })).toEqual(ids('c2'));
    expect(await cases({ figure: 'issued', organId: org.organs.market })).toEqual(ids('c1', 'c2'));
    expect(await cases({ figure: 'overdue', month: '2025-08' })).toEqual(ids('c2'));
    const a = await similarCaseAnalysis({ db, now }, org.procuratorateId, Q3);
    for (const cell of a.domainOutcomes) {
      const listed = await cases({
        figure: 'outcome',
        outcomes: [cell.outcome],
        domainCode: cell.domainCode,
      });
      expect(listed).toHaveLength(cell.count);
    }
  });
});

describe('the repeat-offender threshold', () => {
  it('when the admin raises it to 4, then an organ with three failures in the period is no longer flagged', async () => {
    const own = await createTestOrg(setup);
    await insertGoldenCases(setup, own);
    await saveRepeatOffenderThreshold(setup, own.procuratorateId, 4, own.admin.id);
    const t = await organTable({ db: setup, now }, own.procuratorateId, Q3);
    expect(t.repeatOffenderThreshold).toBe(4);
    expect(t.items.filter((o) => o.repeatOffender)).toEqual([]);
    await saveRepeatOffenderThreshold(setup, own.procuratorateId, 3, own.admin.id);
    const again = await organTable({ db: setup, now }, own.procuratorateId, Q3);
    expect(again.items.filter((o) => o.repeatOffender).map((o) => o.organId)).toEqual([own.organs.eco]);
  });
});

const ZERO = {
  recommendations: 0,
  served: 0,
  repliedOnTime: 0,
  repliedLate: 0,
  noReply: 0,
  rectified: 0,
  nonPerformance: 0,
  rebounds: 0,
  litigatedCases: 0,
  onTimeReplyRate: null as number | null,
  rectificationRate: null as number | null,
  repeatOffender: false,
};
const organ = (figures: Partial<typeof ZERO>) => ({ ...ZERO, ...figures });
function organsByName(rows: ({ name: string; organId: string } & typeof ZERO)[]) {
  return Object.fromEntries(rows.map(({ name, organId: _id, ...figures }) => [name, figures]));
}
