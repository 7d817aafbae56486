// Who is revisited (回头看): each organ that rectified, also in a case that went to court.
import { quiet, recordReply, sleepUntil, startCase } from '../helpers/case-driver';
import { expiryInstant } from '../../domain/expiry';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('one organ rectified, the other was sued and lost: once the judgment is final, only the organ that rectified is revisited', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const { eco, market } = t.org.organs;
    await s.file();
    await s.recommend([{ organId: eco }, { organId: market }]);
    await s.serve('rec-1');
    await s.serve('rec-2');
    await recordReply(s, 'rec-1', 'rectified');
    await recordReply(s, 'rec-2', 'refused');
    await s.find('rec-1', 'rectified');
    expect((await s.find('rec-2', 'not_rectified', ['replied_without_action'], 'organ_refused')).stage).toBe(
      'LITIGATION_REVIEW',
    );
    await c.act('proposeLitigation', t.org.prosecutor, { reason: '拒不整改', organIds: [market] });
    const today = await c.today();
    await c.act('decideLitigation', t.org.chief, { approve: true, decidedOn: today, reason: '起诉' });
    await c.act('recordCourtFiling', t.org.prosecutor, {
      court: '某区人民法院',
      filedOn: today,
      servedOn: today,
    });
    await c.act('recordJudgment', t.org.prosecutor, {
      kind: 'judgment',
      decidedOn: today,
      servedOn: today,
      outcome: 'dismissed',
      summary: '判决驳回诉讼请求',
    });

    // The appeal period (15 days) runs out: the judgment is final and the case closes.
    await t.env.sleep('20 days');
    const closed = await c.state();
    expect(closed.stage).toBe('CLOSED');
    const revisits = Object.values(closed.clocks).filter((k) => k.clockId === 'revisit');
    expect(revisits.map((k) => [k.key, k.recommendationId, k.status])).toEqual([
      ['revisit:rec-1', 'rec-1', 'running'],
    ]);

    await quiet(c);
    await sleepUntil(t, expiryInstant(revisits[0]!.due!) + 60 * 60_000);
    expect((await c.state()).stage).toBe('REVISIT');
    const archived = await c.act('recordRevisit', t.org.prosecutor, {
      checkedOn: await c.today(),
      result: 'sustained',
      organIds: [],
      summary: '整改成果巩固',
    });
    expect(archived.stage).toBe('ARCHIVED');
    await c.handle.result();
  });
});
