// The organ online: an issued recommendation mails its organ the link once; the organ confirms
// receipt (the reply clock starts that day), answers items once each, reports progress and asks
// for more time, which only the prosecutor grants; staff cannot act as it. Its contact is
// reminded once before each of its ends.
import { expiryInstant } from '../../domain/expiry';
import { addDays } from '../../domain/period/dates';
import { shanghaiDate } from '../../domain/time';
import { quiet, refusal, sleepUntil, startCase, type CaseDriver } from '../helpers/case-driver';
import { waitUntil } from '../helpers/processes';
import type { TestOrg, TestUser } from '../helpers/fixtures';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

/** The organ's session on one recommendation, as the API builds its actor. */
const organ = (org: TestOrg, organId: string, recommendationId: string): TestUser => ({
  id: `organ:${organId}`,
  username: organId,
  email: `${organId}@organ.example`,
  roles: [],
  procuratorateId: org.procuratorateId,
  actor: { organ: { organId, recommendationId, contact: `${organId}@organ.example` } },
});

it('an issued recommendation mails its organ once; the organ confirms receipt and answers each item once', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const { eco, market } = t.org.organs;
    await s.file();
    await s.recommend([{ organId: eco }, { organId: market }]);
    const mailed = await t.mail.waitFor(
      (m) => m.filter((x) => x.subject.startsWith('【检察建议】')).length >= 2,
    );
    const links = mailed.filter(
      (x) => x.subject.startsWith('【检察建议】') && x.text.includes(c.input.caseId),
    );
    expect(links.map((m) => m.to).sort()).toEqual(
      [[`${eco}@organ.example`], [`${market}@organ.example`]].sort(),
    );

    const ecoOnline = organ(t.org, eco, 'rec-1');
    expect(
      await refusal(
        c.act('confirmReceiptOnline', ecoOnline, { recommendationId: 'rec-2', confirmedBy: '张三' }),
      ),
    ).toMatchObject({ type: 'Forbidden' });
    expect(
      await refusal(
        c.act('confirmReceiptOnline', t.org.prosecutor, { recommendationId: 'rec-1', confirmedBy: '张三' }),
      ),
    ).toMatchObject({ type: 'Forbidden' });
    const today = await c.today();
    const receipt = await c.act('confirmReceiptOnline', ecoOnline, {
      recommendationId: 'rec-1',
      confirmedBy: '张三',
    });
    expect(receipt.clocks.find((k) => k.key === 'reply:rec-1')).toMatchObject({ status: 'running' });
    expect((await c.state()).clocks['reply:rec-1']!.request.start).toBe(today);
    const served = await refusal(
      c.act('recordRecommendationService', t.org.prosecutor, {
        recommendationId: 'rec-1',
        servedOn: today,
        receivedOn: today,
      }),
    );
    expect(served).toMatchObject({ type: 'WrongStage', message: '检察建议 rec-1 已登记送达' });

    await c.act('answerRecommendationItems', ecoOnline, {
      recommendationId: 'rec-1',
      answers: [{ item: 1, answer: 'disputed', reasons: '该地块不属本局管辖' }],
    });
    const again = await refusal(
      c.act('answerRecommendationItems', ecoOnline, {
        recommendationId: 'rec-1',
        answers: [{ item: 1, answer: 'accepted' }],
      }),
    );
    expect(again).toMatchObject({ type: 'WrongStage', message: '第 1 项已答复，已提交的答复不能修改' });
    const kinds = (await c.timeline()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['confirmReceiptOnline', 'answerRecommendationItems']));
  });
});

/** The `reminder` entries of the case that also reminded the organ: clock, step and when. */
async function organReminders(c: CaseDriver): Promise<{ clock: string; step: string; at: Date }[]> {
  return t.db.query(
    `SELECT data->>'clockKey' AS clock, data->>'step' AS step, at FROM audit_entries
      WHERE case_id = $1 AND kind = 'reminder' AND data->>'organReminded' = 'true' ORDER BY seq`,
    [c.input.caseId],
  );
}

it('the organ reports progress and asks for more time, the prosecutor grants it, and the organ is reminded once before each of its ends', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const { eco } = t.org.organs;
    await s.file();
    await s.recommend([{ organId: eco, rectificationPeriod: { unit: 'months', count: 3 } }]);
    const ecoOnline = organ(t.org, eco, 'rec-1');
    const rec1 = { recommendationId: 'rec-1' };
    await c.act('confirmReceiptOnline', ecoOnline, { ...rec1, confirmedBy: '张三' });
    const today = await c.today();
    await c.act('reportRectificationProgress', ecoOnline, {
      ...rec1,
      asOf: today,
      progress: '已清运 300 吨',
    });
    const before = (await c.state()).clocks['rectification:rec-1']!.due!;
    const until = addDays(before, 20);
    await c.act('requestRectificationExtension', ecoOnline, { ...rec1, until, reasons: '需完成招投标' });
    const decide = { ...rec1, decision: 'granted' as const, reason: '理由充分' };
    expect(await refusal(c.act('decideRectificationExtension', ecoOnline, decide))).toMatchObject({
      type: 'Forbidden',
    });
    const granted = await c.act('decideRectificationExtension', t.org.prosecutor, decide);
    expect(granted.clocks).toEqual([
      expect.objectContaining({ key: 'rectification:rec-1', due: expect.any(String) }),
    ]);
    const again = await refusal(c.act('decideRectificationExtension', t.org.prosecutor, decide));
    expect(again).toMatchObject({ type: 'WrongStage', message: '没有待决定的延期申请' });

    const state = await c.state();
    const firstReminder = (key: string) => state.clocks[key]!.reminders[0]!;
    const [reply, rectification] = ['reply:rec-1', 'rectification:rec-1'].map(firstReminder);
    expect(state.clocks['rectification:rec-1']!.due! > before).toBe(true);
    await quiet(c);
    await sleepUntil(t, expiryInstant(state.clocks['rectification:rec-1']!.due!) + 60 * 60_000);
    await waitUntil('both clocks ran out', async () => (await organReminders(c)).length === 2, {
      timeoutMs: 60_000,
    });
    // On the day of the first reminder due on or before each end (a week before, by default).
    const day = (at: Date | number) => shanghaiDate(new Date(at));
    expect((await organReminders(c)).map((r) => ({ ...r, at: day(r.at) }))).toEqual([
      { clock: 'reply:rec-1', step: reply!.stepId, at: day(reply!.fireAt) },
      { clock: 'rectification:rec-1', step: rectification!.stepId, at: day(rectification!.fireAt) },
    ]);
    expect(reply!.stepId).toBe('d-7');
    const reminded = () => t.mail.messages.filter((m) => m.subject.startsWith('【检察建议】温馨提醒'));
    await t.mail.waitFor(() => reminded().filter((m) => m.text.includes(c.input.caseId)).length >= 2);
    const mine = reminded().filter((m) => m.text.includes(c.input.caseId));
    expect(mine.map((m) => m.to)).toEqual([[`${eco}@organ.example`], [`${eco}@organ.example`]]);
    expect(mine.every((m) => /\/organ\/[A-Za-z0-9_-]+/.test(m.text))).toBe(true);
    const kinds = (await c.timeline()).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'reportRectificationProgress',
        'requestRectificationExtension',
        'decideRectificationExtension',
      ]),
    );
  });
});
