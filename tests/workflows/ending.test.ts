// After suing: withdrawing the suit (Rules arts. 84, 99), withdrawing support (art. 102), reporting
// a defendant's appeal above (art. 62); and the 生态环境损害赔偿 right-holder on a civil ecology case
// (arts. 90(二), 91(二), 96(一)). Each 3-day duty reminds like every clock and is met when recorded.
import {
  CaseDriver,
  CaseSteps,
  newCaseInput,
  quiet,
  reminderEntries,
  suedCase,
} from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

/** Sleeps past the clock's due day, then waits for the overdue reminder to be written. */
async function pastDue(c: CaseDriver, key: string): Promise<void> {
  await quiet(c);
  await t.env.sleep('6 days');
  await quiet(c);
  const state = await c.state();
  expect((await c.today()) > state.clocks[key]!.due!).toBe(true);
  expect((await reminderEntries(c, key)).length).toBeGreaterThan(0);
}

it('the organ performed while the suit was pending: the chief decides to withdraw, filing the decision late is reminded, and the court allowing it closes the case', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await suedCase(t, taskQueue);
    await c.act('proposeClaimChange', t.org.prosecutor, {
      change: 'withdraw',
      ground: 'organ_performed',
      reason: '行政机关已依法履职，诉讼请求全部实现',
    });
    const decidedOn = await c.today();
    const decided = await c.act('decideClaimChange', t.org.chief, {
      approve: true,
      decidedOn,
      reason: '同意撤回起诉',
    });
    expect(decided.clocks.find((k) => k.key === 'claim_change_filing')).toMatchObject({ status: 'running' });
    await pastDue(c, 'claim_change_filing');

    const filedOn = await c.today();
    const filed = await c.act('recordClaimChangeFiled', t.org.prosecutor, {
      filedOn,
      documentRef: '撤诉〔2026〕1号',
    });
    expect(filed.clocks.find((k) => k.key === 'claim_change_filing')?.status).toBe('met');
    const timeline = await c.timeline();
    expect(timeline.find((e) => e.kind === 'decideClaimChange')!.data).toMatchObject({
      change: 'withdraw',
      changeLabel: '撤回起诉',
      underDelegation: false,
    });

    await c.act('recordJudgment', t.org.prosecutor, {
      kind: 'ruling',
      decidedOn: filedOn,
      servedOn: filedOn,
      outcome: 'withdrawn',
      summary: '裁定准许撤回起诉',
    });
    await t.env.sleep('15 days');
    expect((await c.state()).stage).toBe('ARCHIVED');
    await c.handle.result();
  });
});

it('the defendant appeals: the copy received starts 3 days to report above, overdue it is reminded, reported the clock is met', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await suedCase(t, taskQueue);
    const today = await c.today();
    await c.act('recordJudgment', t.org.prosecutor, {
      kind: 'judgment',
      decidedOn: today,
      servedOn: today,
      outcome: 'upheld',
      summary: '确认违法，责令履职',
    });
    await c.act('recordAppeal', t.org.prosecutor, { appealedBy: 'defendant', filedOn: today });
    const received = await c.act('recordAppealCopyReceived', t.org.prosecutor, { receivedOn: today });
    expect(received.clocks.find((k) => k.key === 'appeal_report_above')).toMatchObject({ status: 'running' });
    await pastDue(c, 'appeal_report_above');

    const reportedOn = await c.today();
    const reported = await c.act('recordAppealReportedAbove', t.org.prosecutor, { reportedOn });
    expect(reported.clocks.find((k) => k.key === 'appeal_report_above')?.status).toBe('met');
    expect((await c.state()).litigation?.defendantAppeal).toMatchObject({
      copyReceivedOn: today,
      reportedAboveOn: reportedOn,
    });
  });
});

/** A civil ecology case filed, investigated and announced today. */
async function announced(taskQueue: string): Promise<CaseDriver> {
  const c = await CaseDriver.start(
    t,
    taskQueue,
    newCaseInput(t.org, { track: 'civil', title: '某企业非法排污' }),
  );
  await new CaseSteps(c, t.org).file();
  await c.act('publishAnnouncement', t.org.prosecutor, { publishedOn: await c.today(), medium: '正义网' });
  return c;
}

it('an organisation sued with our support and then settled to the public’s loss: support is withdrawn, delivered within 3 days, and the case is closed and archived', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await announced(taskQueue);
    const today = await c.today();
    await c.act('recordAnnouncementOutcome', t.org.prosecutor, {
      on: today,
      outcome: 'sued_by_other',
      plaintiff: '某环保公益组织',
    });
    const withdrawn = await c.act('withdrawSupport', t.org.chief, {
      decidedOn: today,
      situation: 'withdrawn_or_settled',
      reason: '原告与被告和解，社会公共利益未得到有效保护',
    });
    expect(withdrawn.stage).toBe('SUPPORT');
    expect(withdrawn.clocks.find((k) => k.key === 'support_withdrawal_notice')).toMatchObject({
      status: 'running',
    });
    const delivered = await c.act('recordSupportWithdrawalDelivered', t.org.prosecutor, {
      deliveredOn: today,
    });
    expect(delivered.stage).toBe('ARCHIVED');
    const entry = (await c.timeline()).find((e) => e.kind === 'recordSupportWithdrawalDelivered')!;
    expect(entry.data.refiling).toMatch(/另行立案/);
    await c.handle.result();
  });
});

it('the 生态环境损害赔偿 consultation failed and the right-holder did not sue: after the announcement the civil review runs from its end', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await announced(taskQueue);
    await c.act('recordRightHolderNotified', t.org.prosecutor, {
      notifiedOn: await c.today(),
      rightHolder: '某市生态环境局',
    });
    await quiet(c);
    await t.env.sleep('45 days');
    await quiet(c);
    const result = await c.act('recordCompensationOutcome', t.org.prosecutor, {
      on: await c.today(),
      outcome: 'consultation_failed',
      summary: '磋商未达成一致，赔偿权利人未提起诉讼',
    });
    expect(result.stage).toBe('LITIGATION_REVIEW');
    const state = await c.state();
    expect(state.clocks.litigation_review_civil!.request.start).toBe(state.clocks.announcement!.due);
    expect(state.compensation).toMatchObject({
      outcome: 'consultation_failed',
      rightHolder: '某市生态环境局',
    });
  });
});
