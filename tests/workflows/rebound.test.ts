// A rebound found at the revisit (回头看): a follow-up clock for the organ, then a new recommendation to it.
import { recommendationRows, recordReply, refusal, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('rebound at the revisit: a month to follow up, a new recommendation to the organ, rectified again and closed', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const { eco, market } = t.org.organs;
    await s.file();
    await s.recommend([{ organId: eco }]);
    await s.serve('rec-1');
    await recordReply(s, 'rec-1', 'rectified');
    expect((await s.find('rec-1', 'rectified')).stage).toBe('CLOSED');

    await t.env.sleep('30 days');
    const reboundOn = await c.today();
    const rebound = await c.act('recordRevisit', t.org.prosecutor, {
      checkedOn: reboundOn,
      result: 'rebound',
      organIds: [eco],
      summary: '固体废物再次堆放',
    });
    expect(rebound.stage).toBe('FOLLOW_UP');
    const followUp = (await c.state()).clocks['rebound_follow_up:rec-1']!;
    expect(followUp).toMatchObject({ status: 'running', request: { start: reboundOn } });
    expect(followUp.request.period).toEqual({ unit: 'months', count: 1 });

    const proposal = (organId: string) => ({
      reason: '整改反弹，再次督促',
      recommendations: [
        {
          organId,
          urgent: false,
          rectificationPeriod: { unit: 'months' as const, count: 2 },
          summary: '巩固整改',
        },
      ],
    });
    expect(await refusal(c.act('proposeRecommendation', t.org.prosecutor, proposal(market)))).toMatchObject({
      type: 'InvalidPayload',
    });
    await c.act('proposeRecommendation', t.org.prosecutor, proposal(eco));
    await t.env.sleep('2 days');
    const decided = await c.act('decideRecommendation', t.org.chief, {
      approve: true,
      decidedOn: await c.today(),
      reason: '同意',
    });
    expect(decided.stage).toBe('RECOMMENDATION');
    expect((await c.state()).clocks['rebound_follow_up:rec-1']!.status).toBe('met');

    await s.serve('rec-2');
    await recordReply(s, 'rec-2', 'rectified');
    expect((await s.find('rec-2', 'rectified')).stage).toBe('CLOSED');
    expect(
      (await recommendationRows(c)).map((r) => [r.recommendation_id, r.status, r.outcome, r.rebounds]),
    ).toEqual([
      ['rec-1', 'settled', 'superseded', 1],
      ['rec-2', 'settled', 'rectified', 0],
    ]);
  });
});
