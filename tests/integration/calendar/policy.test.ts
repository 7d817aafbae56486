// The period policy, clock lengths and reminder policy through real HTTP. The policies are
// shared by every test: this file only previews the 调休 rule, and puts back what it changes.
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { ApiClient } from '../../helpers/http';
import { startSystem, type System } from '../../helpers/system';
import { casesWithOpenClocks } from '../../../store/calendar-clocks';
import { days, insertCase, insertOpenClock, months, removeCases } from './helpers';

let system: System;
let org: TestOrg;
/** The platform's administrator, who alone changes the policies. */
let admin: ApiClient;
const mine: Record<string, string> = {};
/** Another procuratorate and its case whose complaint clock moves with ours. */
let other: TestOrg;
let theirs: string;

const movesOfMine = (moves: any[]): any[] => moves.filter((m) => Object.values(mine).includes(m.caseId));
const complaintDays = (count: number) => ({
  clockLengths: { complaint_report_above: { defaultLength: { unit: 'days', count } } },
});

beforeAll(async () => {
  system = await startSystem();
  org = await createTestOrg(system.db);
  admin = await ApiClient.login(system.baseUrl, org.platformAdmin);
  for (const name of ['makeup', 'reply', 'statedReply', 'complaint'])
    mine[name] = await insertCase(system.db, org);
  await insertOpenClock(system.db, mine.makeup!, days('2026-09-10', 10)); // Sun 2026-09-20, a 调休 working day
  await insertOpenClock(system.db, mine.reply!, months('2025-03-31', 2)); // 2025-06-03
  await insertOpenClock(system.db, mine.statedReply!, days('2025-03-31', 40)); // a length of its own
  await insertOpenClock(system.db, mine.complaint!, days('2026-03-03', 5), {
    clockId: 'complaint_report_above',
    clockKey: 'complaint',
  }); // Sun 2026-03-08 → 2026-03-09
  other = await createTestOrg(system.db);
  theirs = await insertCase(system.db, other);
  await insertOpenClock(system.db, theirs, days('2026-03-03', 5), {
    clockId: 'complaint_report_above',
    clockKey: 'complaint',
  });
});

afterAll(async () => {
  await removeCases(system.db, [...Object.values(mine), theirs]);
  await system.stop();
});

describe('the policies', () => {
  it('when an admin reads them, then the defaults of DOMAIN.md are in force', async () => {
    const res = await admin.get('/api/admin/policy');
    expect(res.status).toBe(200);
    expect(res.body.period.makeupWorkdayCounts).toBe(true);
    expect(res.body.period.stopDayCounting).toBe('resume_on_end_day');
    const reply = res.body.catalogue.clocks.find((c: { id: string }) => c.id === 'reply');
    expect(reply).toMatchObject({
      name: '行政机关书面回复',
      defaultLength: { unit: 'months', count: 2 },
      urgentLength: { unit: 'days', count: 15 },
    });
    expect(res.body.reminders.steps.map((s: { offsetDays: number }) => s.offsetDays)).toEqual([
      -7, -3, -1, 0, 1, 7,
    ]);
    expect(res.body.reminders.workingHours).toMatchObject({ start: '09:00', end: '17:30' });
  });

  it('when someone who is not an admin calls them, then 403', async () => {
    const head = await ApiClient.login(system.baseUrl, org.head);
    expect((await head.get('/api/admin/policy')).status).toBe(403);
    expect((await head.request('PUT', '/api/admin/policy', { makeupWorkdayCounts: false })).status).toBe(403);
    expect((await head.post('/api/admin/policy/what-if', { makeupWorkdayCounts: false })).status).toBe(403);
  });

  it("when a procuratorate's admin reads and previews them, then 200; changing them is refused with 403 naming platform_admin", async () => {
    const districtAdmin = await ApiClient.login(system.baseUrl, org.admin);
    expect((await districtAdmin.get('/api/admin/policy')).status).toBe(200);
    const preview = await districtAdmin.post('/api/admin/policy/what-if', complaintDays(7));
    expect(preview.status).toBe(200);
    expect(movesOfMine(preview.body.moves).map((m) => m.caseId)).toEqual([mine.complaint]);
    const before = (await admin.get('/api/admin/policy')).body.catalogue.version;
    const refused = await districtAdmin.request('PUT', '/api/admin/policy', {
      ...complaintDays(7),
      reason: '测试',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('platform_admin');
    expect((await admin.get('/api/admin/policy')).body.catalogue.version).toBe(before);
  });

  it('when an admin previews 调休 days as days off, then only the deadline on such a day moves', async () => {
    const res = await admin.post('/api/admin/policy/what-if', { makeupWorkdayCounts: false });
    expect(res.status).toBe(200);
    expect(movesOfMine(res.body.moves)).toEqual([
      expect.objectContaining({ caseId: mine.makeup, oldDue: '2026-09-20', newDue: '2026-09-21' }),
    ]);
    expect((await admin.get('/api/admin/policy')).body.period.makeupWorkdayCounts).toBe(true);
  });

  it('when an admin previews excluding both end days of a stop, then it is accepted as a preview and nothing is stored', async () => {
    const res = await admin.post('/api/admin/policy/what-if', { stopDayCounting: 'exclude_both_end_days' });
    expect(res.status).toBe(200);
    expect((await admin.get('/api/admin/policy')).body.period.stopDayCounting).toBe('resume_on_end_day');
    const wrong = await admin.post('/api/admin/policy/what-if', { stopDayCounting: 'both' });
    expect(wrong.status).toBe(422);
  });

  it('when an admin previews a longer reply period, then clocks counted with the default move and stated ones do not', async () => {
    const res = await admin.post('/api/admin/policy/what-if', {
      clockLengths: { reply: { defaultLength: { unit: 'months', count: 3 } } },
    });
    expect(res.status).toBe(200);
    expect(movesOfMine(res.body.moves)).toEqual([
      expect.objectContaining({ caseId: mine.reply, oldDue: '2025-06-03', newDue: '2025-06-30' }),
    ]);
  });

  it('when an admin changes a clock length, then a new version is active, affected cases are reported, and it can be put back', async () => {
    const before = (await admin.get('/api/admin/policy')).body.catalogue.version;
    const res = await admin.request('PUT', '/api/admin/policy', { ...complaintDays(7), reason: '测试' });
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([
      { kind: 'catalogue', version: expect.stringMatching(/^clocks-\d+$/), previous: before, changed: true },
    ]);
    expect(movesOfMine(res.body.moves)).toEqual([
      expect.objectContaining({ caseId: mine.complaint, oldDue: '2026-03-09', newDue: '2026-03-10' }),
    ]);
    expect(res.body.signals.notFound).toContain(mine.complaint);
    // Another procuratorate's case is counted, not named, in the moves and in the signals alike.
    expect(res.body.elsewhere).toContainEqual({
      procuratorateId: other.procuratorateId,
      cases: 1,
      moves: 1,
      uncomputable: 0,
    });
    expect(res.body.signals.elsewhere).toContainEqual({
      procuratorateId: other.procuratorateId,
      signalled: 0,
      notFound: 1,
      failed: 0,
    });
    expect(JSON.stringify(res.body)).not.toContain(theirs);
    expect(res.body.versions.catalogue).toBe(res.body.changes[0].version);
    const clock = res.body.policy.catalogue.clocks.find(
      (c: { id: string }) => c.id === 'complaint_report_above',
    );
    expect(clock.defaultLength).toEqual({ unit: 'days', count: 7 });

    const back = await admin.request('PUT', '/api/admin/policy', complaintDays(5));
    expect(back.body.changes[0]).toMatchObject({ kind: 'catalogue', previous: res.body.changes[0].version });
    expect(back.body.policy.catalogue.overrides).toEqual({});
    const kept = await system.db.query("SELECT version FROM policy_versions WHERE kind = 'catalogue'");
    expect(kept.map((r) => r.version)).toEqual(expect.arrayContaining([before, res.body.changes[0].version]));
  });

  it('when the reminder policy changes, the cases to tell are every case with a running clock, each with its procuratorate', async () => {
    const cases = await casesWithOpenClocks(system.db);
    expect(cases).toContainEqual({ caseId: mine.complaint, procuratorateId: org.procuratorateId });
    expect(cases).toContainEqual({ caseId: theirs, procuratorateId: other.procuratorateId });
  });

  it('when the requested policy equals the one in force, then no version is added', async () => {
    const res = await admin.request('PUT', '/api/admin/policy', { makeupWorkdayCounts: true });
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([expect.objectContaining({ kind: 'period', changed: false })]);
  });

  it.each([
    ['a length of zero days', complaintDays(0), 'clockLengths'],
    [
      'a default length for a clock stated case by case',
      { clockLengths: { rectification: { defaultLength: { unit: 'days', count: 30 } } } },
      'clockLengths.rectification',
    ],
    [
      'reminder working hours that end before they start',
      {
        reminders: {
          steps: [{ offsetDays: 0, recipients: ['handler'], ifDayOff: 'later', label: '届满当日' }],
          workingHours: { timeZone: 'Asia/Shanghai', start: '18:00', end: '09:00', workingDaysOnly: true },
        },
      },
      'reminders.workingHours.end',
    ],
    ['nothing to change', { reason: '无' }, ''],
  ])('when the change has %s, then 422 and nothing changes', async (_what, body, path) => {
    const res = await admin.request('PUT', '/api/admin/policy', body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).join('|')).toContain(path);
  });
});
