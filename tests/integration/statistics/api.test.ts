/** The statistics API at its edges: bad criteria are a 422 naming the field; the admin sets the threshold. */
import { ApiClient } from '../../helpers/http';
import { useWorld } from '../../helpers/world';
import { expectDocumented } from '../api/helpers';
import { caseIdOf, insertGoldenCases } from './golden-cases';

const world = useWorld();
let office: ApiClient;
let admin: ApiClient;
beforeAll(async () => {
  await insertGoldenCases(world.system.db, world.org);
  [office, admin] = await Promise.all([
    ApiClient.login(world.system.baseUrl, world.org.caseOffice),
    ApiClient.login(world.system.baseUrl, world.org.admin),
  ]);
});

const Q3 = 'from=2025-07-01&to=2025-09-30';

describe('the statistics API', () => {
  it.each([
    ['figure=bogus', 'figure'],
    ['figure=outcome&outcome=rectified,bogus', 'outcome'],
    ['figure=overdue&month=2025-8', 'month'],
    ['figure=received&from=2025-13-01', 'from'],
    ['figure=received&from=2025-09-01&to=2025-08-01', 'from'],
    ['figure=issued&q=%E5%BA%9F%00', 'q'],
    [`figure=issued&q=${'废'.repeat(101)}`, 'q'],
    ['figure=issued&q=%20', 'q'],
  ])('when the drill-down is asked with %s, then it answers 422 naming %s', async (query, field) => {
    const res = await office.get(`/api/statistics/cases?${query}`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path.split('.')[0])).toContain(field);
  });

  it('when a chart is drilled into, then the cases behind its figure are listed', async () => {
    const res = await office.get(
      `/api/statistics/cases?${Q3}&figure=outcome&outcome=non_performance,rebound`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual(
      [caseIdOf(world.org, 'c2'), caseIdOf(world.org, 'c3')].sort(),
    );
  });

  it('when the drill-down is asked a page at a time, then each page holds its share and the total counts them all', async () => {
    const figure = `${Q3}&figure=outcome&outcome=non_performance,rebound`;
    const page = async (window: string) => {
      const res = await office.get(`/api/statistics/cases?${figure}&${window}`);
      expect(res.status).toBe(200);
      expectDocumented('GET', '/api/statistics/cases', res);
      return res.body as { total: number; items: { caseId: string }[] };
    };
    const [first, second, beyond] = await Promise.all([
      page('limit=1'),
      page('limit=1&offset=1'),
      page('limit=1&offset=2'),
    ]);
    expect([first.total, second.total, beyond.total]).toEqual([2, 2, 2]);
    expect([...first.items, ...second.items].map((c) => c.caseId).sort()).toEqual(
      [caseIdOf(world.org, 'c2'), caseIdOf(world.org, 'c3')].sort(),
    );
    expect(beyond.items).toEqual([]);
    const whole = await page('');
    expect(whole.items.map((c) => c.caseId)).toEqual([...first.items, ...second.items].map((c) => c.caseId));
    const wrong = await office.get(`/api/statistics/cases?${figure}&limit=0`);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('limit');
  });

  it('when the drill-down is searched, then only the cases with the words are listed and the total counts them', async () => {
    const figure = `from=2025-01-01&to=2025-12-31&figure=issued&organId=${world.org.organs.eco}`;
    const search = async (q: string, window = '') => {
      const res = await office.get(`/api/statistics/cases?${figure}&q=${encodeURIComponent(q)}${window}`);
      expect(res.status).toBe(200);
      expectDocumented('GET', '/api/statistics/cases', res);
      const body = res.body as { total: number; items: { caseId: string }[] };
      return { total: body.total, ids: body.items.map((c) => c.caseId) };
    };
    const [c1, c2, c3] = ['c1', 'c2', 'c3'].map((key) => caseIdOf(world.org, key));
    expect(await search('统计样本')).toEqual({ total: 3, ids: [c1, c2, c3] });
    expect(await search('样本 C2')).toEqual({ total: 1, ids: [c2] });
    expect(await search(c3!)).toEqual({ total: 1, ids: [c3] });
    expect(await search('统计样本', '&limit=1&offset=1')).toEqual({ total: 3, ids: [c2] });
    expect(await search('100%')).toEqual({ total: 0, ids: [] });
  });

  it('when the admin sets the threshold, then 类案分析 flags repeat offenders by it, and a bad value is refused', async () => {
    const before = await office.get(`/api/statistics/analysis?${Q3}`);
    expect(before.body.repeatOffenders.map((o: { organId: string }) => o.organId)).toEqual([
      world.org.organs.eco,
    ]);
    expect(
      (await admin.request('PUT', '/api/statistics/policy', { repeatOffenderThreshold: 0 })).status,
    ).toBe(422);
    expect(
      (await office.request('PUT', '/api/statistics/policy', { repeatOffenderThreshold: 5 })).status,
    ).toBe(403);
    const set = await admin.request('PUT', '/api/statistics/policy', { repeatOffenderThreshold: 5 });
    expect(set.body).toEqual({ repeatOffenderThreshold: 5 });
    expect((await office.get('/api/statistics/policy')).body).toEqual({ repeatOffenderThreshold: 5 });
    const after = await office.get(`/api/statistics/analysis?${Q3}`);
    expect(after.body.repeatOffenders).toEqual([]);
    expect(after.body.repeatOffenderThreshold).toBe(5);
  });
});
