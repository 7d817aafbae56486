// Rules art. 47: non-performance is found, and the litigation review starts, when the rectification
// period ends — earlier only when the organ explicitly refused (or never replied), recorded as such.
import { expiryInstant } from '../../domain/expiry';
import { recordReply, refusal, sleepUntil, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('a finding of non-performance while the rectification period runs is refused; after it ends, the review starts at its end', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    await s.file();
    await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'days', count: 20 } }]);
    await s.serve('rec-1');
    await recordReply(s, 'rec-1', 'in_progress');
    const end = (await c.state()).clocks['rectification:rec-1']!.due!;

    expect(await refusal(s.find('rec-1', 'not_rectified', ['measures_not_implemented']))).toEqual({
      type: 'WrongStage',
      message: expect.stringContaining(`整改期限至 ${end} 届满，届满前不能认定未依法履职`),
    });
    expect((await c.state()).stage).toBe('FOLLOW_UP');

    await sleepUntil(t, expiryInstant(end) + 60 * 60_000);
    const found = await s.find('rec-1', 'not_rectified', ['measures_not_implemented']);
    expect(found.stage).toBe('LITIGATION_REVIEW');
    const state = await c.state();
    expect(state.clocks.litigation_review_admin!.request.start).toBe(end);
    expect(state.recommendations[0]!.finding?.earlyGround).toBeUndefined();
  });
});

it('an organ that explicitly refused is found failing at once, the finding says so, and the review runs from it', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    await s.file();
    await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'months', count: 6 } }]);
    await s.serve('rec-1');
    await recordReply(s, 'rec-1', 'refused');
    const today = await c.today();

    const found = await s.find('rec-1', 'not_rectified', ['replied_without_action'], 'organ_refused');
    expect(found.stage).toBe('LITIGATION_REVIEW');
    const state = await c.state();
    expect(state.recommendations[0]!.finding).toMatchObject({
      checkedOn: today,
      earlyGround: 'organ_refused',
    });
    expect(state.clocks.litigation_review_admin!.request.start).toBe(today);
    const entry = (await c.timeline()).find((e) => e.kind === 'recordFinding');
    expect(entry?.data).toMatchObject({ earlyGround: 'organ_refused' });
  });
});
