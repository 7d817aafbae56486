import { recordReply, startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

const mailFor = (caseId: string) => t.mail.messages.filter((m) => m.subject.includes(caseId));

it('no reply: follow-up, litigation review, suit, judgment, appeal, final judgment, enforcement, closed and archived with no revisit', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const caseId = c.input.caseId;
    await s.file();
    await s.recommend([{ organId: t.org.organs.eco }]);
    await s.serve('rec-1');

    await t.env.sleep('70 days');
    let state = await c.state();
    expect(state.stage).toBe('FOLLOW_UP');
    expect(state.recommendations[0]!.status).toBe('reply_overdue');
    expect(
      state.escalations
        .filter((e) => e.clockKey === 'reply:rec-1')
        .map((e) => e.step)
        .sort(),
    ).toEqual([
      'notify_discipline',
      'notify_government',
      'notify_superior_organ',
      'report_above',
      'report_congress',
    ]);

    // Each reminder of the reply clock reached each recipient once.
    const replyDue = state.clocks['reply:rec-1']!.due!;
    await t.mail.waitFor(
      () => mailFor(caseId).filter((m) => m.subject.includes(`行政机关书面回复 ${replyDue}`)).length >= 8,
    );
    const replyMail = mailFor(caseId).filter((m) => m.subject.includes(`行政机关书面回复 ${replyDue}`));
    const byRecipient = replyMail.map(
      (m) => `${m.to[0]}|${m.subject.startsWith('【督办】期限已逾期') ? 'late' : 'early'}`,
    );
    expect(byRecipient.filter((r) => r === `${t.org.prosecutor.email}|early`)).toHaveLength(4);
    expect(byRecipient.filter((r) => r === `${t.org.prosecutor.email}|late`)).toHaveLength(1);
    expect(byRecipient.filter((r) => r === `${t.org.head.email}|late`)).toHaveLength(1);
    expect(byRecipient.filter((r) => r === `${t.org.chief.email}|late`)).toHaveLength(1);
    expect(byRecipient.filter((r) => r === `${t.org.caseOffice.email}|late`)).toHaveLength(1);
    expect(replyMail.find((m) => m.to[0] === t.org.chief.email)!.text).toContain('报告上级人民检察院');

    // Reporting to the procuratorate above is the chief's decision (art. 25); the head may not confirm it.
    const reportAbove = {
      clockKey: 'reply:rec-1',
      step: 'report_above',
      confirmedOn: await c.today(),
      note: '已报告上级院',
    } as const;
    await expect(c.act('confirmEscalation', t.org.head, reportAbove)).rejects.toThrow();
    await c.act('confirmEscalation', t.org.chief, reportAbove);

    const found = await s.find('rec-1', 'no_reply', ['no_reply_no_action']);
    expect(found.stage).toBe('LITIGATION_REVIEW');
    state = await c.state();
    const review = state.clocks.litigation_review_admin!;
    expect(review.request.start).toBe(state.clocks['rectification:rec-1']!.due);

    await c.act('proposeLitigation', t.org.prosecutor, {
      reason: '行政机关仍未依法履职',
      organIds: [t.org.organs.eco],
    });
    const sued = await c.act('decideLitigation', t.org.chief, {
      approve: true,
      decidedOn: await c.today(),
      reason: '提起行政公益诉讼',
    });
    expect(sued.stage).toBe('LITIGATION');
    const today = await c.today();
    const filed = await c.act('recordCourtFiling', t.org.prosecutor, {
      court: '某区人民法院',
      filedOn: today,
      servedOn: today,
    });
    expect(filed.clocks.map((k) => k.key)).toEqual(['complaint_report_above']);
    await c.act('recordComplaintReportedAbove', t.org.prosecutor, { reportedOn: today });

    const judged = await c.act('recordJudgment', t.org.prosecutor, {
      kind: 'judgment',
      decidedOn: today,
      servedOn: today,
      outcome: 'upheld',
      summary: '确认违法，责令履职',
    });
    expect(judged.stage).toBe('JUDGMENT');
    expect(judged.clocks.find((k) => k.key === 'appeal')?.status).toBe('running');
    const appealed = await c.act('recordAppeal', t.org.prosecutor, {
      appealedBy: 'defendant',
      filedOn: today,
    });
    expect(appealed.stage).toBe('LITIGATION');

    const final = await c.act('recordJudgment', t.org.prosecutor, {
      kind: 'judgment',
      decidedOn: today,
      servedOn: today,
      outcome: 'upheld',
      summary: '驳回上诉，维持原判',
    });
    expect(final.stage).toBe('ENFORCEMENT');
    const closed = await c.act('recordEnforcement', t.org.prosecutor, {
      completedOn: today,
      summary: '已履行',
    });
    // The only organ was sued, none rectified: nobody to revisit.
    expect(closed.stage).toBe('ARCHIVED');
    await c.handle.result();
  });
});

it('an appeal period that runs out without appeal makes a lost suit final: closed and archived, no organ rectified to revisit', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    await s.file();
    await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'days', count: 10 } }]);
    await s.serve('rec-1');
    await recordReply(s, 'rec-1', 'refused');
    await s.find('rec-1', 'not_rectified', ['replied_without_action'], 'organ_refused');
    await c.act('proposeLitigation', t.org.prosecutor, { reason: '拒不整改', organIds: [t.org.organs.eco] });
    await c.act('decideLitigation', t.org.chief, {
      approve: true,
      decidedOn: await c.today(),
      reason: '起诉',
    });
    const today = await c.today();
    await c.act('recordCourtFiling', t.org.prosecutor, {
      court: '某区人民法院',
      filedOn: today,
      servedOn: today,
    });
    await c.act('recordJudgment', t.org.prosecutor, {
      kind: 'ruling',
      decidedOn: today,
      servedOn: today,
      outcome: 'dismissed',
      summary: '裁定驳回起诉',
    });
    await t.env.sleep('20 days');
    const state = await c.state();
    expect(state.stage).toBe('ARCHIVED');
    expect(state.clocks.appeal!.status).toBe('expired');
    expect(Object.keys(state.clocks).filter((k) => k.startsWith('revisit'))).toEqual([]);
    const moves = (await c.timeline()).filter((e) => e.kind === 'stage_changed').map((e) => e.data.to);
    expect(moves.slice(-2)).toEqual(['CLOSED', 'ARCHIVED']);
    await c.handle.result();
  });
});
