// Ending a case with its ground (Rules arts. 74, 90), and the review that ends in a transfer to
// another procuratorate (arts. 79(三), 94(三)).
import { recordReply, refusal, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('the litigation review ends with a transfer to another procuratorate: the case ends here, every clock stopped', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    await s.file();
    await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'months', count: 3 } }]);
    await s.serve('rec-1');
    await recordReply(s, 'rec-1', 'refused');
    await s.find('rec-1', 'not_rectified', ['replied_without_action'], 'organ_refused');
    const decidedOn = await c.today();
    const ending = { decidedOn, reason: '被告行政机关的上级机关所在地检察院管辖更为适宜' };
    expect(await refusal(c.act('terminate', t.org.chief, ending))).toMatchObject({
      type: 'InvalidPayload',
      message: expect.stringMatching(/请选择终结的情形/),
    });

    const ended = await c.act('terminate', t.org.chief, {
      ...ending,
      ground: 'transferred',
      transferredTo: '某市人民检察院',
    });
    expect(ended.stage).toBe('TERMINATED');
    const state = await c.state();
    expect(Object.values(state.clocks).filter((k) => k.status === 'running')).toEqual([]);
    const entry = (await c.timeline()).find((e) => e.kind === 'terminate')!;
    expect(entry.data).toMatchObject({
      ground: 'transferred',
      groundLabel: '移送其他人民检察院处理',
      transferredTo: '某市人民检察院',
    });
    await c.handle.result();
  });
});
