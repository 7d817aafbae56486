import {
  addDays,
  computeDeadline,
  DEFAULT_PERIOD_POLICY,
  scheduleFromChineseDays,
  type DeadlineRequest,
} from '../../domain/period';
import { type CaseDriver, type CaseSteps, recordReply, refusal, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

const dueOf = (request: DeadlineRequest) =>
  computeDeadline(request, scheduleFromChineseDays(), DEFAULT_PERIOD_POLICY).due;

/** A case in litigation review, its review clock starting on the day of the finding. */
async function caseInLitigationReview(taskQueue: string): Promise<{ c: CaseDriver; s: CaseSteps }> {
  const { c, s } = await startCase(t, taskQueue);
  await s.file();
  await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'months', count: 3 } }]);
  await s.serve('rec-1');
  await recordReply(s, 'rec-1', 'refused');
  await s.find('rec-1', 'not_rectified', ['replied_without_action'], 'organ_refused');
  return { c, s };
}

it('urgent recommendation: the reply is due 15 days after receipt, and the case moves to follow-up when it passes', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    await s.file();
    await s.recommend([{ organId: t.org.organs.market, urgent: true }]);
    const today = await c.today();
    const served = await s.serve('rec-1');
    expect(served.clocks.find((k) => k.key === 'reply:rec-1')!.due).toBe(
      dueOf({ start: today, period: { unit: 'days', count: 15 } }),
    );
    await t.env.sleep('25 days');
    expect((await c.state()).stage).toBe('FOLLOW_UP');
  });
});

it('extension: the chief extends litigation review once by a month; beyond that only with the superior’s approval', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await caseInLitigationReview(taskQueue);
    const before = (await c.state()).clocks.litigation_review_admin!;
    const extend = {
      clockKey: 'litigation_review_admin',
      by: { unit: 'months' as const, count: 1 },
      basis: '《人民检察院公益诉讼办案规则》第四十七条',
      reason: '案情复杂',
    };

    expect(await refusal(c.act('extendDeadline', t.org.prosecutor, extend))).toMatchObject({
      type: 'Forbidden',
      message: expect.stringMatching(/检察长决定/),
    });
    const extended = await c.act('extendDeadline', t.org.chief, extend);
    const expected = dueOf({
      ...before.request,
      extensions: [
        {
          by: { unit: 'months', count: 1 },
          grantedBy: t.org.chief.id,
          basis: extend.basis,
          reason: extend.reason,
        },
      ],
    });
    expect(extended.clocks[0]!.due).toBe(expected);
    expect(extended.clocks[0]!.due! > before.due!).toBe(true);

    expect(await refusal(c.act('extendDeadline', t.org.chief, extend))).toMatchObject({
      type: 'InvalidPayload',
      message: expect.stringMatching(/报上级检察院批准/),
    });
    const second = await c.act('extendDeadline', t.org.chief, {
      ...extend,
      superiorApprovalRef: '宁检批〔2026〕3号',
    });
    expect(second.clocks[0]!.due! > expected!).toBe(true);
    const entry = (await c.timeline()).filter((e) => e.kind === 'extendDeadline').at(-1)!;
    expect(entry.data.superiorApprovalRef).toBe('宁检批〔2026〕3号');
  });
});

it('excluded days: appraisal time is added to the litigation review period and shown on the timeline', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await caseInLitigationReview(taskQueue);
    const before = (await c.state()).clocks.litigation_review_admin!;
    const from = before.request.start;
    const to = addDays(from, 9);
    await t.env.sleep('12 days');
    const result = await c.act('addExcludedDays', t.org.prosecutor, {
      clockKey: 'litigation_review_admin',
      kind: 'appraisal',
      from,
      to,
      note: '司法鉴定',
    });
    // The period starts the day after its start: counting stops from then until `to` (eight days).
    expect(result.clocks[0]!.due).toBe(
      dueOf({ ...before.request, exclusions: [{ from, to, label: '鉴定' }] }),
    );
    expect(result.clocks[0]!.due).toBe(dueOf({ ...before.request, excludedDays: 8 }));
    const entry = (await c.timeline()).find((e) => e.kind === 'addExcludedDays')!;
    expect(entry.data).toMatchObject({ days: 8, kindLabel: '鉴定' });

    const refused = await refusal(
      c.act('addExcludedDays', t.org.prosecutor, {
        clockKey: 'reply:rec-1',
        kind: 'appraisal',
        from,
        to,
        note: '',
      }),
    );
    expect(refused.message).toMatch(/已不在进行中|只有审查起诉期限/);
  });
});

it('suspension in litigation review stops the review clock; resumption restarts it, moved by the days suspended', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await caseInLitigationReview(taskQueue);
    const before = (await c.state()).clocks.litigation_review_admin!;
    const suspendedOn = await c.today();
    const suspended = await c.act('suspend', t.org.chief, {
      decidedOn: suspendedOn,
      reason: '行政机关客观原因无法完成整改',
    });
    expect(suspended.stage).toBe('SUSPENDED');
    expect(suspended.clocks.find((k) => k.key === 'litigation_review_admin')!.due).toBeNull();
    expect((await c.state()).clocks.litigation_review_admin!.suspended).toBe(true);

    await t.env.sleep('40 days');
    expect((await c.state()).stage).toBe('SUSPENDED');
    const resumedOn = await c.today();
    const resumed = await c.act('resume', t.org.chief, { decidedOn: resumedOn, reason: '障碍消除' });
    expect(resumed.stage).toBe('LITIGATION_REVIEW');
    const due = resumed.clocks.find((k) => k.key === 'litigation_review_admin')!.due!;
    expect(due).toBe(dueOf({ ...before.request, suspensions: [{ from: suspendedOn, to: resumedOn }] }));
    expect(due > before.due!).toBe(true);
  });
});

it('extended, then suspended: the suspension stops the extended review and resumption moves it on', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await caseInLitigationReview(taskQueue);
    const before = (await c.state()).clocks.litigation_review_admin!;
    await t.env.sleep('20 days');
    const extendedOn = await c.today();
    const extension = {
      by: { unit: 'months' as const, count: 1 },
      basis: '《人民检察院公益诉讼办案规则》第四十七条',
    };
    await c.act('extendDeadline', t.org.chief, {
      clockKey: 'litigation_review_admin',
      ...extension,
      reason: '案情复杂',
    });
    // Past the review's first end, inside the extension.
    await t.env.sleep('20 days');
    const suspendedOn = await c.today();
    const suspended = await c.act('suspend', t.org.chief, {
      decidedOn: suspendedOn,
      reason: '客观原因无法完成整改',
    });
    expect(suspended.clocks.find((k) => k.key === 'litigation_review_admin')!.due).toBeNull();
    await t.env.sleep('10 days');
    const resumedOn = await c.today();
    const resumed = await c.act('resume', t.org.chief, { decidedOn: resumedOn, reason: '障碍消除' });
    const due = resumed.clocks.find((k) => k.key === 'litigation_review_admin')!.due!;
    const grant = { ...extension, decidedOn: extendedOn, grantedBy: t.org.chief.id, reason: '案情复杂' };
    expect(due).toBe(
      dueOf({ ...before.request, extensions: [grant], suspensions: [{ from: suspendedOn, to: resumedOn }] }),
    );
    expect(due > dueOf({ ...before.request, extensions: [grant] })!).toBe(true);
  });
});

it('appraisal under way: the review clock does not run out meanwhile, and moves by its days when it ends', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await caseInLitigationReview(taskQueue);
    const before = (await c.state()).clocks.litigation_review_admin!;
    await t.env.sleep('5 days');
    const startedOn = await c.today();
    const started = await c.act('startAppraisal', t.org.prosecutor, {
      clockKey: 'litigation_review_admin',
      kind: 'appraisal',
      startedOn,
      note: '委托司法鉴定',
    });
    expect(started.clocks.find((k) => k.key === 'litigation_review_admin')!.due).toBeNull();

    await t.env.sleep('45 days');
    const during = await c.state();
    expect(during.stage).toBe('LITIGATION_REVIEW');
    expect(during.clocks.litigation_review_admin).toMatchObject({
      status: 'running',
      due: null,
      expiryHandled: false,
    });

    const endedOn = await c.today();
    const ended = await c.act('endAppraisal', t.org.prosecutor, {
      clockKey: 'litigation_review_admin',
      endedOn,
    });
    const due = ended.clocks.find((k) => k.key === 'litigation_review_admin')!.due!;
    expect(due).toBe(
      dueOf({ ...before.request, exclusions: [{ from: startedOn, to: endedOn, label: '鉴定' }] }),
    );
    expect(due).toBe(dueOf({ ...before.request, excludedDays: 45 }));
    const kinds = (await c.timeline()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['startAppraisal', 'endAppraisal']));
  });
});
