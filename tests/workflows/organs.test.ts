// Recommendations to more than one organ, and the revisit (回头看) that finds a rebound.
import {
  quiet,
  recommendationRows,
  recordReply,
  refusal,
  sleepUntil,
  startCase,
} from '../helpers/case-driver';
import { expiryInstant } from '../../domain/expiry';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

it('two organs, one rectified and one not: litigation review names only the failing organ', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const { eco, market } = t.org.organs;
    await s.file();
    expect(await s.recommend([{ organId: eco }, { organId: market }])).toEqual(['rec-1', 'rec-2']);
    await s.serve('rec-1');
    await s.serve('rec-2');
    await recordReply(s, 'rec-1', 'rectified');
    await recordReply(s, 'rec-2', 'refused');

    expect((await s.find('rec-1', 'rectified')).stage).toBe('FOLLOW_UP');
    const found = await s.find('rec-2', 'not_rectified', ['replied_without_action'], 'organ_refused');
    expect(found.stage).toBe('LITIGATION_REVIEW');
    expect(found.clocks.find((k) => k.key === 'litigation_review_admin')?.status).toBe('running');
    const entry = (await c.timeline()).filter((e) => e.kind === 'recordFinding').at(-1)!;
    expect(entry.data).toMatchObject({ organId: market, litigationReviewOrganIds: [market] });
    expect(await recommendationRows(c)).toEqual([
      { recommendation_id: 'rec-1', organ_id: eco, status: 'settled', outcome: 'rectified', rebounds: 0 },
      {
        recommendation_id: 'rec-2',
        organ_id: market,
        status: 'settled',
        outcome: 'non_performance',
        rebounds: 0,
      },
    ]);

    const suingTheRectified = await refusal(
      c.act('proposeLitigation', t.org.prosecutor, { reason: '起诉', organIds: [eco, market] }),
    );
    expect(suingTheRectified).toEqual({
      type: 'InvalidPayload',
      message: `行政机关 ${eco} 未被认定不依法履职，不能作为被告`,
    });
    const proposed = await c.act('proposeLitigation', t.org.prosecutor, {
      reason: '拒不整改',
      organIds: [market],
    });
    expect(proposed.stage).toBe('LITIGATION_REVIEW');
    expect((await c.state()).proposal).toMatchObject({ kind: 'litigation', organIds: [market] });
  });
});

it('revisit with a rebound: closed, revisit due, rebound for one organ, follow-up, not rectified, litigation review', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const { eco, street } = t.org.organs;
    await s.file();
    const today = await c.today();
    await c.act('recordFilingService', t.org.prosecutor, { servedOn: today, organIds: [eco, street] });
    await s.recommend([{ organId: eco }, { organId: street }]);
    for (const id of ['rec-1', 'rec-2']) {
      await s.serve(id);
      await c.act('recordRecommendationFiledAbove', t.org.prosecutor, {
        recommendationId: id,
        filedOn: today,
      });
      await recordReply(s, id, 'rectified');
    }
    await s.find('rec-1', 'rectified');
    expect((await s.find('rec-2', 'rectified')).stage).toBe('CLOSED');
    const revisitDue = (await c.state()).clocks['revisit:rec-1']!.due!;
    expect(
      Object.values((await c.state()).clocks)
        .filter((k) => k.status === 'running')
        .map((k) => k.key),
    ).toEqual(['revisit:rec-1', 'revisit:rec-2']);

    await quiet(c);
    await sleepUntil(t, expiryInstant(revisitDue) + 60 * 60_000);
    expect((await c.state()).stage).toBe('REVISIT');
    const expired = (await c.timeline()).find(
      (e) => e.kind === 'clock_expired' && e.data.clockKey === 'revisit:rec-1',
    );
    expect(expired?.data.due).toBe(revisitDue);
    const rebound = await c.act('recordRevisit', t.org.prosecutor, {
      checkedOn: await c.today(),
      result: 'rebound',
      organIds: [eco],
      summary: '固体废物再次堆放',
    });
    expect(rebound.stage).toBe('FOLLOW_UP');
    expect(rebound.clocks).toEqual([
      expect.objectContaining({ key: 'revisit:rec-1', status: 'met' }),
      expect.objectContaining({ key: 'revisit:rec-2', status: 'met' }),
      expect.objectContaining({ key: 'rebound_follow_up:rec-1', status: 'running' }),
    ]);
    const rows = await recommendationRows(c);
    expect(rows.map((r) => [r.organ_id, r.status, r.rebounds])).toEqual([
      [eco, 'rebound', 1],
      [street, 'settled', 0],
    ]);

    const found = await s.find('rec-1', 'not_rectified', ['measures_not_implemented']);
    expect(found.stage).toBe('LITIGATION_REVIEW');
    const state = await c.state();
    expect(state.clocks.litigation_review_admin!.request.start).toBe(await c.today());
    expect(await recommendationRows(c)).toEqual([
      {
        recommendation_id: 'rec-1',
        organ_id: eco,
        status: 'settled',
        outcome: 'non_performance',
        rebounds: 1,
      },
      { recommendation_id: 'rec-2', organ_id: street, status: 'settled', outcome: 'rectified', rebounds: 0 },
    ]);
    const review = (await c.timeline()).filter((e) => e.kind === 'recordFinding').at(-1)!;
    expect(review.data.litigationReviewOrganIds).toEqual([eco]);
  });
}, 300_000);
