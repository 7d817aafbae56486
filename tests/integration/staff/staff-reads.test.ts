/**
 * What every signed-in member of staff reads besides cases: the holiday schedule of a year, the
 * running deadlines of the procuratorate in a date range, and the directory of its people.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../store/pool';
import { addDays } from '../../../domain/period';
import { shanghaiDate } from '../../../domain/time';
import { type TestOrg, type TestUser } from '../../helpers/fixtures';
import { as, expectDocumented, expectProblem, signIn, type Session } from '../api/helpers';
import { useWorld } from '../../helpers/world';

const world = useWorld({ orgs: 2 });
let office: Session;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  office = await signIn(world.system.baseUrl, world.org.caseOffice);
});

describe('the holiday schedule for staff', () => {
  it('when a prosecutor asks for a loaded year, then its days off and make-up working days come back', async () => {
    const { client } = await signIn(world.system.baseUrl, world.org.prosecutor);
    const res = await client.get('/api/calendar/holidays?year=2025');
    expectDocumented('GET', '/api/calendar/holidays', res);
    expect(res.body).toMatchObject({ year: 2025, missing: false, version: expect.any(String) });
    expect(res.body.holidays).toContainEqual({ date: '2025-10-01', name: expect.stringContaining('国庆') });
    expect(res.body.makeupWorkdays.map((d: { date: string }) => d.date)).toContain('2025-09-28');
    const dates = res.body.holidays.map((d: { date: string }) => d.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('when the year is not loaded, then it is marked missing with empty lists', async () => {
    const res = await office.client.get('/api/calendar/holidays?year=2199');
    expectDocumented('GET', '/api/calendar/holidays', res);
    expect(res.body).toEqual({
      year: 2199,
      version: null,
      source: null,
      holidays: [],
      makeupWorkdays: [],
      missing: true,
    });
  });

  it.each([['year=25'], ['year=abcd'], [''], ['year=2026&x=1']])(
    'when the query is %p, then 422',
    async (query) => {
      expectProblem(await office.client.get(`/api/calendar/holidays?${query}`), 422);
    },
  );

  it('when nobody is signed in, then 401', async () => {
    expectProblem(await as(world.system.baseUrl).get('/api/calendar/holidays?year=2026'), 401);
  });
});

let serial = 0;
async function insertCase(db: Db, owner: TestOrg, handler: TestUser, title: string): Promise<string> {
  serial += 1;
  const id = `${owner.procuratorateId}-2026-${String(80000 + serial)}`;
  await db.query(
    `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source,
       handler_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'administrative', 'FOLLOW_UP', 'ecology', 'self_discovered', $5, now(), now())`,
    [id, owner.procuratorateId, `case-${id}`, title, handler.id],
  );
  return id;
}

async function insertClock(db: Db, caseId: string, key: string, due: string, status = 'running') {
  await db.query(
    `INSERT INTO case_clocks (case_id, clock_key, clock_id, recommendation_id, start_date, due_date, status,
       provisional, request, explanation, catalogue_version, policy_version, schedule_version, updated_at)
     VALUES ($1, $2, 'reply', 'rec-1', $3, $4, $5, false, '{}', $6, 'clocks-1', 'period-1', 's', now())`,
    [caseId, key, addDays(due, -60), due, status, JSON.stringify({ name: '行政机关书面回复', steps: [] })],
  );
}

describe('the open deadlines of the procuratorate', () => {
  const from = addDays(today, -10);
  const to = addDays(today, 10);
  let mine: string;
  let heads: string;

  beforeAll(async () => {
    mine = await insertCase(world.system.db, world.org, world.org.prosecutor, '固体废物案');
    heads = await insertCase(world.system.db, world.org, world.org.head, '外卖平台案');
    await insertClock(world.system.db, mine, 'reply:rec-1', addDays(today, -1));
    await insertClock(world.system.db, mine, 'late', addDays(today, 40));
    await insertClock(world.system.db, heads, 'reply:rec-1', addDays(today, 3));
    await insertClock(world.system.db, heads, 'met', addDays(today, 2), 'met');
    const theirs = await insertCase(world.system.db, world.other, world.other.prosecutor, '他院案件');
    await insertClock(world.system.db, theirs, 'reply:rec-1', today);
  });

  it('when the case office asks for a range, then every running deadline of its procuratorate in it comes back', async () => {
    const res = await office.client.get(`/api/deadlines/open?from=${from}&to=${to}`);
    expectDocumented('GET', '/api/deadlines/open', res);
    expect(res.body.items).toEqual([
      {
        caseId: mine,
        title: '固体废物案',
        stage: 'FOLLOW_UP',
        clockKey: 'reply:rec-1',
        clockId: 'reply',
        name: '行政机关书面回复',
        due: addDays(today, -1),
        provisional: false,
        overdue: true,
        recommendationId: 'rec-1',
      },
      expect.objectContaining({ caseId: heads, due: addDays(today, 3), overdue: false }),
    ]);
  });

  it('when a handler asks for their own (handler=me), then only the cases they handle come back', async () => {
    const { client } = await signIn(world.system.baseUrl, world.org.head);
    const res = await client.get(`/api/deadlines/open?from=${from}&to=${to}&handler=me`);
    expect(res.body.items.map((d: { caseId: string }) => d.caseId)).toEqual([heads]);
  });

  it.each([
    ['from after to', `from=${to}&to=${from}`],
    ['a range over 400 days', `from=2026-01-01&to=2027-03-01`],
    ['an impossible date', 'from=2026-02-30&to=2026-03-10'],
    ['a missing bound', `from=${from}`],
    ['another handler filter', `from=${from}&to=${to}&handler=u-1`],
  ])('when given %s, then 422', async (_what, query) => {
    expectProblem(await office.client.get(`/api/deadlines/open?${query}`), 422);
  });
});

describe('the directory of staff', () => {
  it('when a case office member reads it, then it names every colleague, without login names or e-mail', async () => {
    const id = `u-${randomBytes(5).toString('hex')}`;
    await world.system.db.query(
      `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, active)
       VALUES ($1, $2, $3, '已停用的检察官', 'gone@test.example', '{prosecutor}', false)`,
      [id, world.org.procuratorateId, `gone-${id}`],
    );
    const res = await office.client.get('/api/users/directory');
    expectDocumented('GET', '/api/users/directory', res);
    const users = [
      world.org.prosecutor,
      world.org.head,
      world.org.chief,
      world.org.caseOffice,
      world.org.admin,
      world.org.oversight,
      world.org.platformAdmin,
    ];
    expect(res.body.map((u: { id: string }) => u.id).sort()).toEqual([...users.map((u) => u.id), id].sort());
    expect(res.body).toContainEqual({
      id: world.org.chief.id,
      displayName: `chief ${world.org.chief.id}`,
      roles: ['chief'],
      active: true,
    });
    expect(res.body).toContainEqual({
      id,
      displayName: '已停用的检察官',
      roles: ['prosecutor'],
      active: false,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/@test\.example|username/);
  });

  it('when nobody is signed in, then 401', async () => {
    expectProblem(await as(world.system.baseUrl).get('/api/users/directory'), 401);
  });
});
