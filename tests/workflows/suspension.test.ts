// Suspension (中止审查, Rules art. 78) on a live case: where it is allowed, what stands still, and the
// decision's filing with the procuratorate above.
import { recordReply, refusal, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('the organ cannot finish rectifying in time: suspended in follow-up, only the rectification period stands still, the decision is filed above, resumed', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    await s.file();
    expect(
      await refusal(c.act('suspend', t.org.chief, { decidedOn: await c.today(), reason: '等待鉴定' })),
    ).toMatchObject({ type: 'WrongStage', message: expect.stringMatching(/仅限跟进监督、审查起诉阶段/) });

    await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'months', count: 3 } }]);
    await s.serve('rec-1');
    await recordReply(s, 'rec-1', 'in_progress');
    const before = await c.state();
    expect(before.stage).toBe('FOLLOW_UP');
    const filingAboveDue = before.clocks['recommendation_filing_above:rec-1']!.due;

    const suspendedOn = await c.today();
    const suspended = await c.act('suspend', t.org.chief, {
      decidedOn: suspendedOn,
      reason: '行政机关已按期整改，因客观原因无法完成',
    });
    expect(suspended.stage).toBe('SUSPENDED');
    const state = await c.state();
    expect(state.clocks['rectification:rec-1']).toMatchObject({ due: null, suspended: true });
    expect(state.clocks['recommendation_filing_above:rec-1']).toMatchObject({
      due: filingAboveDue,
      suspended: false,
    });

    await t.env.sleep('3 days');
    const filedOn = await c.today();
    await c.act('recordSuspensionFiledAbove', t.org.prosecutor, { filedOn, reportRef: '备〔2025〕1号' });
    expect((await c.state()).suspensions).toEqual([
      { decidedOn: suspendedOn, filedAboveOn: filedOn, reportRef: '备〔2025〕1号' },
    ]);
    expect((await c.timeline()).map((e) => e.kind)).toContain('recordSuspensionFiledAbove');

    await t.env.sleep('20 days');
    const resumed = await c.act('resume', t.org.chief, { decidedOn: await c.today(), reason: '障碍消除' });
    expect(resumed.stage).toBe('FOLLOW_UP');
    const due = (await c.state()).clocks['rectification:rec-1']!.due!;
    expect(due > before.clocks['rectification:rec-1']!.due!).toBe(true);
  });
});
