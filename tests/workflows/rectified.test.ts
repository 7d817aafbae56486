import { computeDeadline, scheduleFromChineseDays, DEFAULT_PERIOD_POLICY } from '../../domain/period';
import { CaseDriver, newCaseInput } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

const expectedDue = (start: string, unit: 'days' | 'months', count: number) =>
  computeDeadline({ start, period: { unit, count } }, scheduleFromChineseDays(), DEFAULT_PERIOD_POLICY).due;

it('rectified on time: filed, recommended, replied, found rectified, closed, revisited and archived', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await CaseDriver.start(t, taskQueue, newCaseInput(t.org));
    const today = await c.today();
    const { prosecutor, chief } = t.org;

    await c.act('startEvaluation', prosecutor, {});
    await c.act('proposeFiling', prosecutor, { reason: '线索查证属实' });
    const filed = await c.act('decideFiling', chief, {
      approve: true,
      decidedOn: today,
      reason: '符合立案条件',
    });
    expect(filed.stage).toBe('FILED');
    expect(
      filed.clocks
        .filter((k) => k.status === 'running')
        .map((k) => k.key)
        .sort(),
    ).toEqual(['filing_service', 'investigation']);
    expect(filed.clocks.find((k) => k.key === 'lead_evaluation')?.status).toBe('met');

    await c.act('recordInvestigation', prosecutor, { on: today, summary: '现场勘查' });
    await c.act('proposeRecommendation', prosecutor, {
      reason: '行政机关未依法履职',
      recommendations: [
        {
          organId: t.org.organs.eco,
          urgent: false,
          rectificationPeriod: { unit: 'months', count: 2 },
          summary: '依法查处',
        },
      ],
    });
    const decided = await c.act('decideRecommendation', chief, {
      approve: true,
      decidedOn: today,
      reason: '同意',
    });
    expect(decided.stage).toBe('RECOMMENDATION');

    const served = await c.act('recordRecommendationService', prosecutor, {
      recommendationId: 'rec-1',
      servedOn: today,
      receivedOn: today,
    });
    const reply = served.clocks.find((k) => k.key === 'reply:rec-1')!;
    expect(reply.due).toBe(expectedDue(today, 'months', 2));

    await c.act('recordReply', prosecutor, {
      recommendationId: 'rec-1',
      repliedOn: today,
      claim: 'rectified',
      summary: '已整改',
    });
    const found = await c.act('recordFinding', prosecutor, {
      recommendationId: 'rec-1',
      checkedOn: today,
      result: 'rectified',
      reasons: [],
      summary: '现场复查整改到位',
    });
    expect(found.stage).toBe('CLOSED');

    await t.env.sleep('200 days');
    expect((await c.state()).stage).toBe('REVISIT');
    const revisitOn = await c.today();
    const archived = await c.act('recordRevisit', prosecutor, {
      checkedOn: revisitOn,
      result: 'sustained',
      organIds: [],
      summary: '未反弹',
    });
    expect(archived.stage).toBe('ARCHIVED');
    await c.handle.result();

    const kinds = (await c.timeline()).map((e) => e.kind);
    expect(kinds[0]).toBe('lead_registered');
    expect(kinds).toContain('clock_met');
    expect(kinds.filter((k) => k === 'stage_changed').length).toBeGreaterThanOrEqual(8);
    const row = await t.db.query('SELECT stage FROM cases WHERE id = $1', [c.input.caseId]);
    expect(row).toEqual([{ stage: 'ARCHIVED' }]);
  });
});
