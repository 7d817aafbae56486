// The holiday schedule through real HTTP: list, what-if, import (JSON and .ics), validation, roles.
// The schedule is national, shared by every test: this file alone changes 2027, and forgets it after.
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { ApiClient } from '../../helpers/http';
import { startSystem, type System } from '../../helpers/system';
import {
  forget2027,
  ics2027,
  insertCase,
  insertOpenClock,
  months,
  removeCases,
  schedule2027,
} from './helpers';
import { registerLead } from '../../helpers/leads';
import { insertClocksAround2027 } from './holiday-fixtures';

let system: System;
let org: TestOrg;
/** The platform's administrator, who alone loads a year; `districtAdmin` reads and previews. */
let admin: ApiClient;
let districtAdmin: ApiClient;
let prosecutor: ApiClient;
const mine: Record<string, string> = {};
let other: TestOrg;
let theirs: string;

const jsonYear = () => ({ year: 2027, ...schedule2027(['2027-03-01']) });
const movesOfMine = (moves: any[]): any[] =>
  moves.filter((move) => Object.values(mine).includes(move.caseId));

beforeAll(async () => {
  system = await startSystem();
  await forget2027(system.db);
  org = await createTestOrg(system.db);
  other = await createTestOrg(system.db);
  admin = await ApiClient.login(system.baseUrl, org.platformAdmin);
  districtAdmin = await ApiClient.login(system.baseUrl, org.admin);
  prosecutor = await ApiClient.login(system.baseUrl, org.prosecutor);
  // A case with a running workflow, so that a recompute signal reaches something.
  mine.live = await registerLead(prosecutor, { receivedOn: '2026-11-02' });
  await insertOpenClock(system.db, mine.live, months('2026-12-31', 2));
  Object.assign(mine, await insertClocksAround2027(system.db, org));
  // Another procuratorate's case whose reply clock 2027 moves too.
  theirs = await insertCase(system.db, other);
  await insertOpenClock(system.db, theirs, months('2026-12-31', 2));
});

afterAll(async () => {
  await forget2027(system.db);
  await removeCases(system.db, [...Object.values(mine), theirs]);
  await system.db.query('DELETE FROM case_clocks WHERE case_id = $1', [mine.live]);
  await system.stop();
});

describe('the holiday schedule', () => {
  it('when an admin lists the years, then the bundled years are active and 2027 is reported missing', async () => {
    const res = await admin.get('/api/admin/holidays');
    expect(res.status).toBe(200);
    const y2026 = res.body.years.find((y: { year: number }) => y.year === 2026);
    expect(y2026).toMatchObject({ source: 'chinese-days', version: 'cd-1.5.7', importedBy: null });
    expect(y2026.holidays).toBeGreaterThan(20);
    expect(res.body.missingYears.map((m: { year: number }) => m.year)).toContain(2027);
    expect(res.body.provisionalFrom).toBe('2027-01-01');
    expect(res.body.notice).toContain('2027年');
    expect(res.body.scheduleVersion).toContain('2026:cd-1.5.7');
  });

  it('when an admin asks for one year, then its days are listed; a missing year is 404', async () => {
    const res = await admin.get('/api/admin/holidays/2026');
    expect(res.status).toBe(200);
    expect(res.body.active.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节' });
    expect(res.body.active.makeupWorkdays).toContainEqual({ date: '2026-10-10', name: '国庆节' });
    expect(res.body.versions).toHaveLength(1);
    const missing = await admin.get('/api/admin/holidays/2027');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('暂定');
  });

  it('when someone who is not an admin calls the admin endpoints, then 403', async () => {
    const calls = [
      prosecutor.get('/api/admin/holidays'),
      prosecutor.get('/api/admin/holidays/2026'),
      prosecutor.post('/api/admin/holidays/what-if', jsonYear()),
      prosecutor.post('/api/admin/holidays', jsonYear()),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(403);
  });

  it.each([
    ['a date outside the year', { holidays: [{ date: '2028-01-01', name: '元旦' }] }, '2028-01-01'],
    [
      'a day both holiday and working day',
      { makeupWorkdays: [{ date: '2027-01-02', name: '元旦' }] },
      '2027-01-02',
    ],
  ])(
    'when the year has %s, then 422 names the date and nothing is stored',
    async (_what, extra: any, date) => {
      const base = schedule2027();
      const body = {
        year: 2027,
        holidays: [...base.holidays, ...(extra.holidays ?? [])],
        makeupWorkdays: [...base.makeupWorkdays, ...(extra.makeupWorkdays ?? [])],
      };
      const res = await admin.post('/api/admin/holidays', body);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.some((e: { message: string }) => e.message.includes(date))).toBe(true);
      expect((await admin.get('/api/admin/holidays/2027')).status).toBe(404);
    },
  );

  it('when 元旦, 劳动节 and 国庆节 are missing, then 422 lists each: the whole year must be loaded', async () => {
    const holidays = schedule2027().holidays.filter((h) => h.name === '春节');
    const res = await admin.post('/api/admin/holidays', { year: 2027, holidays, makeupWorkdays: [] });
    expect(res.status).toBe(422);
    const messages: string[] = res.body.errors.map((e: { message: string }) => e.message);
    for (const date of ['2027-01-01', '2027-05-01', '2027-10-01']) {
      expect(messages.some((m) => m.includes(date) && m.includes('全年'))).toBe(true);
    }
    const ics = await admin.post('/api/admin/holidays/what-if', { year: 2027, ics: 'not a calendar' });
    expect(ics.status).toBe(422);
    expect(ics.body.errors[0].path).toBe('ics');
  });

  it('when an admin asks what 2027 would move, then exactly the affected deadlines are listed and nothing is stored', async () => {
    const res = await admin.post('/api/admin/holidays/what-if', jsonYear());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, currentVersion: null, holidays: 24, makeupWorkdays: 1 });
    expect(res.body.version).toMatch(/^imp-[0-9a-f]{8}$/);
    const moves = movesOfMine(res.body.moves);
    // Each case's test reply clock, provisional today, final once 2027 is known.
    const move = (caseId: string | undefined, oldDue: string, newDue: string) => ({
      caseId,
      clockKey: 'test-reply',
      clockId: 'reply',
      oldDue,
      newDue,
      oldProvisional: true,
      newProvisional: false,
    });
    expect(moves.map(({ text: _t, clockName: _n, procuratorateId: _p, ...m }) => m)).toEqual([
      move(mine.live, '2027-03-01', '2027-03-02'),
      move(mine.moved, '2027-03-01', '2027-03-02'),
      move(mine.flagOnly, '2027-01-04', '2027-01-04'),
      move(mine.springFestival, '2027-02-05', '2027-02-15'),
    ]);
    expect(moves[1].text).toBe(`${mine.moved} 行政机关书面回复：2027-03-01（暂定）→ 2027-03-02`);
    expect((await admin.get('/api/admin/holidays/2027')).status).toBe(404);
  });

  it("when a procuratorate's admin previews 2027, then only its own deadlines are listed and another's counted; loading it is refused, naming platform_admin", async () => {
    const res = await districtAdmin.post('/api/admin/holidays/what-if', jsonYear());
    expect(res.status).toBe(200);
    const caseIds = res.body.moves.map((m: { caseId: string }) => m.caseId);
    expect(caseIds).toEqual(
      expect.arrayContaining([mine.live, mine.moved, mine.flagOnly, mine.springFestival]),
    );
    expect(caseIds).not.toContain(theirs);
    expect(
      res.body.moves.every((m: { procuratorateId: string }) => m.procuratorateId === org.procuratorateId),
    ).toBe(true);
    expect(res.body.elsewhere).toContainEqual({
      procuratorateId: other.procuratorateId,
      cases: 1,
      moves: 1,
      uncomputable: 0,
    });
    expect(JSON.stringify(res.body.elsewhere)).not.toContain(theirs);

    const refused = await districtAdmin.post('/api/admin/holidays', jsonYear());
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('platform_admin');
    expect((await districtAdmin.get('/api/admin/holidays/2027')).status).toBe(404);
  });

  it('when 2027 is imported as JSON, then it is active, affected cases are signalled or reported, and deadlines are final', async () => {
    const before = await prosecutor.get('/api/deadlines?start=2026-12-31&months=2');
    expect(before.body).toMatchObject({ due: '2027-03-01', provisional: true, missingYears: [2027] });

    const res = await admin.post('/api/admin/holidays', jsonYear());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ applied: true, year: 2027, currentVersion: null });
    expect(res.body.scheduleVersion).toContain(`2027:${res.body.version}`);
    expect(movesOfMine(res.body.moves).map((m: { caseId: string }) => m.caseId)).toEqual([
      mine.live,
      mine.moved,
      mine.flagOnly,
      mine.springFestival,
    ]);
    expect(res.body.signals.signalled).toContain(mine.live);
    expect(res.body.signals.notFound).toEqual(
      expect.arrayContaining([mine.moved, mine.flagOnly, mine.springFestival]),
    );
    expect(res.body.signals.notFound).not.toContain(mine.untouched);
    // The other procuratorate's case is counted, not named, in the signals as in the moves.
    expect(res.body.signals.elsewhere).toContainEqual({
      procuratorateId: other.procuratorateId,
      signalled: 0,
      notFound: 1,
      failed: 0,
    });
    expect(JSON.stringify(res.body)).not.toContain(theirs);

    const after = await prosecutor.get('/api/deadlines?start=2026-12-31&months=2');
    expect(after.body).toMatchObject({ due: '2027-03-02', provisional: false, missingYears: [] });
    const year = await admin.get('/api/admin/holidays/2027');
    expect(year.body.active).toMatchObject({ source: 'import', importedBy: org.platformAdmin.id });
  });

  it('when the same year is imported again, then nothing is stored but unrecomputed cases are signalled again', async () => {
    const res = await admin.post('/api/admin/holidays', jsonYear());
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.signals.notFound).toEqual(expect.arrayContaining([mine.moved]));
    expect((await admin.get('/api/admin/holidays/2027')).body.versions).toHaveLength(1);
  });

  it('when 2027 is imported from an .ics file, then it replaces the JSON version, which is kept', async () => {
    const res = await admin.post('/api/admin/holidays', { year: 2027, ics: ics2027() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ applied: true, holidays: 23, makeupWorkdays: 1 });
    const year = await admin.get('/api/admin/holidays/2027');
    expect(year.body.versions).toHaveLength(2);
    expect(year.body.active.version).toBe(res.body.version);
    expect(year.body.active.holidays).not.toContainEqual({ date: '2027-03-01', name: '测试假日' });
    const deadline = await prosecutor.get('/api/deadlines?start=2026-12-31&months=2');
    expect(deadline.body).toMatchObject({ due: '2027-03-01', provisional: false });
  });
});
