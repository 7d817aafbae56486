// Major leads (重大线索, Rules art. 25): flagged, reminded, reported to the procuratorate above.
import { expiryInstant } from '../../domain/expiry';
import { CaseDriver, newCaseInput, quiet, reminderEntries, sleepUntil } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();
const CLOCK = 'major_lead_report';

it('a lead registered as major is reminded before its report falls due, and reporting it meets the clock', async () => {
  await t.withWorker(async (taskQueue) => {
    const input = newCaseInput(t.org, { majorLeadReason: '涉及全市饮用水水源地' });
    const c = await CaseDriver.start(t, taskQueue, input);
    const flagged = await c.state();
    expect(flagged.majorLead).toMatchObject({ flaggedOn: input.receivedOn, reason: '涉及全市饮用水水源地' });
    const clock = flagged.clocks[CLOCK]!;
    expect(clock).toMatchObject({ status: 'running', clockId: CLOCK });
    const due = clock.due!;

    const now = await t.env.currentTimeMs();
    const before = clock.reminders.find((r) => r.fireAt > now && r.fireAt < expiryInstant(due));
    expect(before).toBeDefined();
    await quiet(c);
    await sleepUntil(t, before!.fireAt + 60_000);
    await quiet(c);
    expect((await reminderEntries(c, CLOCK)).map((r) => r.step)).toContain(before!.stepId);
    expect((await c.today()) <= due).toBe(true);

    const reportedOn = await c.today();
    const result = await c.act('recordMajorLeadReported', t.org.prosecutor, {
      reportedOn,
      reportRef: '浦检报〔2026〕7号',
    });
    expect(result.clocks).toEqual([expect.objectContaining({ key: CLOCK, status: 'met' })]);
    expect((await c.state()).majorLead).toMatchObject({ reportedOn, reportRef: '浦检报〔2026〕7号' });

    const timeline = await c.timeline();
    expect(timeline.find((e) => e.kind === 'lead_registered')!.data).toMatchObject({
      majorLead: true,
      majorLeadReason: '涉及全市饮用水水源地',
    });
    expect(timeline.find((e) => e.kind === 'recordMajorLeadReported')!.data).toMatchObject({ reportedOn });
    expect(timeline.some((e) => e.kind === 'clock_met' && e.data.clockKey === CLOCK)).toBe(true);
  });
});

it('a lead found to be major after registration is flagged by the head and its report clock starts that day', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
    expect((await c.state()).clocks[CLOCK]).toBeUndefined();
    const flaggedOn = await c.today();
    const result = await c.act('flagMajorLead', t.org.head, {
      flaggedOn,
      reason: '涉案面积大，社会关注度高',
    });
    expect(result.clocks).toEqual([expect.objectContaining({ key: CLOCK, status: 'running' })]);
    const state = await c.state();
    expect(state.majorLead).toMatchObject({ flaggedOn, flaggedBy: t.org.head.id });
    expect(state.clocks[CLOCK]!.request).toMatchObject({ start: flaggedOn });
    const timeline = await c.timeline();
    expect(timeline.find((e) => e.kind === 'flagMajorLead')!.data).toMatchObject({
      majorLead: true,
      flaggedOn,
    });
  });
});
