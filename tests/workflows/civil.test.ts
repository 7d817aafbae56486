// The civil track (民事公益诉讼): the 30-day pre-litigation announcement, then either nobody sues
// (litigation review, 3 months) or a qualified organisation does (support, 支持起诉).
import { quiet, refusal, reminderEntries } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';
import { announcedCivilCase, COMPANY, dueOf } from '../helpers/civil-steps';

const t = useWorkflowWorld();
const announced = (taskQueue: string) => announcedCivilCase(t, taskQueue);

it('nobody sues within the announcement: litigation review with the civil 3-month clock from its end', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, end } = await announced(taskQueue);
    const tooEarly = await refusal(
      c.act('recordAnnouncementOutcome', t.org.prosecutor, { on: await c.today(), outcome: 'nobody_sued' }),
    );
    expect(tooEarly).toEqual({
      type: 'InvalidPayload',
      message: `公告期至 ${end} 届满，届满后才能登记无人起诉`,
    });

    await quiet(c);
    await t.env.sleep('35 days');
    // The announcement running out moves nothing by itself, and it is not chased as overdue.
    expect((await c.state()).stage).toBe('ANNOUNCEMENT');
    const steps = (await reminderEntries(c, 'announcement')).map((r) => r.step);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter((s) => !['d-7', 'd-3', 'd-1', 'd0'].includes(s))).toEqual([]);

    const reviewed = await c.act('recordAnnouncementOutcome', t.org.prosecutor, {
      on: await c.today(),
      outcome: 'nobody_sued',
    });
    expect(reviewed.stage).toBe('LITIGATION_REVIEW');
    const review = reviewed.clocks.find((k) => k.key === 'litigation_review_civil')!;
    expect(review).toMatchObject({ status: 'running', due: dueOf(end, { unit: 'months', count: 3 }) });
    expect((await c.state()).clocks.litigation_review_civil!.request.start).toBe(end);
    expect(reviewed.clocks.find((k) => k.key === 'announcement')?.status).toBe('met');

    // The civil suit names the recorded company, not an organ; the chief decides to sue.
    await c.act('recordCivilParty', t.org.prosecutor, COMPANY(await c.today()));
    await c.act('proposeLitigation', t.org.prosecutor, { reason: '无适格主体起诉', partyIds: ['party-1'] });
    const sued = await c.act('decideLitigation', t.org.chief, {
      approve: true,
      decidedOn: await c.today(),
      reason: '提起民事公益诉讼',
    });
    expect(sued.stage).toBe('LITIGATION');
  });
}, 300_000);

it('an organisation sues: the procuratorate supports the suit, then the case is closed and archived without a revisit', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await announced(taskQueue);
    await quiet(c);
    await t.env.sleep('10 days');
    const support = await c.act('recordAnnouncementOutcome', t.org.prosecutor, {
      on: await c.today(),
      outcome: 'sued_by_other',
      plaintiff: '某环保公益组织',
    });
    expect(support.stage).toBe('SUPPORT');
    expect(support.clocks).toEqual([expect.objectContaining({ key: 'announcement', status: 'met' })]);
    expect((await c.state()).announcement).toMatchObject({
      outcome: 'sued_by_other',
      plaintiff: '某环保公益组织',
    });

    await quiet(c);
    await t.env.sleep('60 days');
    const closed = await c.act('recordSupportConcluded', t.org.prosecutor, {
      on: await c.today(),
      result: 'upheld',
      summary: '法院判决被告赔偿生态环境损害',
    });
    expect(closed.stage).toBe('ARCHIVED');
    expect(Object.keys((await c.state()).clocks).filter((k) => k.startsWith('revisit'))).toEqual([]);
    const rows = await t.db.query('SELECT stage FROM cases WHERE id = $1', [c.input.caseId]);
    expect(rows).toEqual([{ stage: 'ARCHIVED' }]);
  });
}, 300_000);
