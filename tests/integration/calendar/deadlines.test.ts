// GET /api/deadlines through real HTTP, with the stored schedule (DOMAIN.md worked examples).
import { ApiClient } from '../../helpers/http';
import { useWorld } from '../../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

describe('computing a deadline', () => {
  it.each([
    ['received Mon 2025-03-31, 2 months: 端午 and the weekend', 'start=2025-03-31&months=2', '2025-06-03'],
    ['received 2024-12-31, 2 months: no 31 February', 'start=2024-12-31&months=2', '2025-02-28'],
    ['received 2025-01-13, urgent 15 days: 除夕', 'start=2025-01-13&days=15', '2025-02-05'],
    ['announcement Fri 2025-09-05, 30 days: National Day', 'start=2025-09-05&days=30', '2025-10-09'],
    ['rectification ended 2025-04-30, 1 month', 'start=2025-04-30&months=1', '2025-05-30'],
  ])('when %s, then the stored schedule gives the worked example', async (_what, query, due) => {
    const res = await prosecutor.get(`/api/deadlines?${query}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ due, provisional: false, rule: { makeupWorkdayCounts: true } });
    expect(res.body.scheduleVersion).toContain('2025:');
    expect(res.body.policyVersion).toMatch(/^period-\d+$/);
    expect(res.body.steps[0].text).toContain('期间自');
  });

  it('when days off are excluded, then the end moves back by them and the explanation says why', async () => {
    const res = await prosecutor.get('/api/deadlines?start=2025-04-30&months=1&excludeDays=10');
    expect(res.status).toBe(200);
    expect(res.body.due).toBe('2025-06-09');
    expect(res.body.steps.map((s: { kind: string }) => s.kind)).toContain('excluded');
  });

  it('when the case office asks, then it is answered too: any signed-in user may compute', async () => {
    const office = await ApiClient.login(world.system.baseUrl, world.org.caseOffice);
    expect((await office.get('/api/deadlines?start=2025-09-05&days=30')).status).toBe(200);
    const anonymous = new ApiClient(world.system.baseUrl);
    expect((await anonymous.get('/api/deadlines?start=2025-09-05&days=30')).status).toBe(401);
  });

  it.each([
    ['an impossible date', 'start=2026-02-30&days=15', 'start'],
    ['a negative count', 'start=2026-09-20&days=-1', 'days'],
    ['a zero month count', 'start=2026-09-20&months=0', 'months'],
    ['a count that is not a number', 'start=2026-09-20&days=abc', 'days'],
    ['both days and months', 'start=2026-09-20&days=15&months=1', 'months'],
    ['neither days nor months', 'start=2026-09-20', 'days'],
    ['negative excluded days', 'start=2026-09-20&days=15&excludeDays=-3', 'excludeDays'],
    ['no start', 'days=15', 'start'],
  ])('when the query has %s, then 422 names the parameter', async (_what, query, parameter) => {
    const res = await prosecutor.get(`/api/deadlines?${query}`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(parameter);
  });

  it('when the query has an unknown parameter, then 422 names it', async () => {
    const res = await prosecutor.get('/api/deadlines?start=2026-09-20&days=15&tz=UTC');
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('tz');
  });
});
