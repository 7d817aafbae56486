// After suing: withdrawing or changing the claim (Rules arts. 84, 99), withdrawing support (arts.
// 102, 103), reporting a defendant's appeal (art. 62); and the 生态环境损害赔偿 right-holder on a
// civil ecology case (arts. 90(二), 91(二), 96(一)).
import type { RuleChange } from '../../../domain/case/rules/common';
import { at, D } from './points';
import { ACTORS, type Story } from './story';

const withdrawal = {
  change: 'withdraw',
  ground: 'organ_performed',
  reason: '行政机关已依法履职，诉讼请求全部实现',
} as const;
const decided = (decidedOn: string, approve = true) => ({ approve, decidedOn, reason: '检察长决定' });

/** The story with one later rule not yet in force, as a case that took its actions before it replays. */
function before(s: Story, change: RuleChange): Story {
  s.inForce = (c) => c !== change;
  return s;
}

describe('withdrawing the suit or changing the claim (撤回起诉、变更诉讼请求)', () => {
  it('the organ performed while the suit was pending: the chief decides to withdraw, and the decision must reach the court within 3 days', () => {
    const s = at('CLAIM_CHANGE_PROPOSED');
    expect(s.state.proposal).toMatchObject({ kind: 'claim_change', claimChange: { change: 'withdraw' } });
    s.run('decideClaimChange', 'chief', decided(D.claimChangeDecided));
    expect(s.state.proposal).toBeUndefined();
    // Thu 2025-07-10 + 3 days is Sunday: the period ends on Monday.
    expect(s.clock('claim_change_filing')).toMatchObject({ status: 'running', due: '2025-07-14' });
    expect(s.state.litigation?.claimChanges).toEqual([
      { change: 'withdraw', ground: 'organ_performed', decidedOn: D.claimChangeDecided },
    ]);
    expect(s.state.stage).toBe('LITIGATION');
  });

  it('the decision filed with the court meets the clock, and the court allowing the withdrawal closes the case', () => {
    const s = at('CLAIM_CHANGE_DECIDED');
    s.run('recordClaimChangeFiled', 'prosecutor', { filedOn: '2025-07-11' });
    expect(s.clock('claim_change_filing')).toMatchObject({ status: 'met', metOn: '2025-07-11' });
    expect(s.state.litigation?.claimChanges?.[0]?.filedWithCourtOn).toBe('2025-07-11');
    expect(s.refusal('recordClaimChangeFiled', 'prosecutor', { filedOn: '2025-07-12' }).kind).toBe(
      'WrongStage',
    );
    s.run('recordJudgment', 'prosecutor', {
      kind: 'ruling',
      decidedOn: '2025-07-15',
      servedOn: '2025-07-16',
      outcome: 'withdrawn',
      summary: '裁定准许撤回起诉',
    });
    s.expire('appeal');
    expect(['CLOSED', 'ARCHIVED']).toContain(s.state.stage);
  });

  it('a decision filed before it was taken is refused', () => {
    const s = at('CLAIM_CHANGE_DECIDED');
    expect(s.refusal('recordClaimChangeFiled', 'prosecutor', { filedOn: '2025-07-09' }).message).toMatch(
      /不能早于决定日期/,
    );
  });

  it('changing the claim names the claims as changed; withdrawing names none', () => {
    const s = at('COURT_FILED');
    const amend = { change: 'amend', ground: 'confirm_illegal', reason: '部分履职' } as const;
    expect(s.refusal('proposeClaimChange', 'prosecutor', amend).message).toMatch(/请填写变更后的诉讼请求/);
    expect(
      s.refusal('proposeClaimChange', 'prosecutor', { ...withdrawal, claims: '确认违法' }).message,
    ).toMatch(/撤回起诉时不填写/);
    s.run('proposeClaimChange', 'prosecutor', { ...amend, claims: '确认被告未依法履职违法' });
    expect(s.state.proposal?.claimChange).toEqual({
      change: 'amend',
      ground: 'confirm_illegal',
      claims: '确认被告未依法履职违法',
    });
  });

  it('after a court-mediated settlement the claim may be withdrawn on that ground', () => {
    const s = at('COURT_FILED').does('proposeClaimChange', 'prosecutor', {
      change: 'withdraw',
      ground: 'mediation_settled',
      reason: '经法院调解达成调解协议',
    });
    const fx = s.run('decideClaimChange', 'chief', decided('2025-07-20'));
    expect(fx.data).toMatchObject({
      ground: 'mediation_settled',
      basisLabel: '经人民法院主持调解达成调解协议',
    });
  });

  it('the chief refuses: the suit goes on with no clock to file anything', () => {
    const s = at('CLAIM_CHANGE_PROPOSED');
    s.run('decideClaimChange', 'chief', decided(D.claimChangeDecided, false));
    expect(s.state.clocks.claim_change_filing).toBeUndefined();
    expect(s.state.stage).toBe('LITIGATION');
    expect(s.state.litigation?.claimChanges).toBeUndefined();
  });

  it('a head the chief delegated suing to may not decide the withdrawal: it is the chief’s alone', () => {
    const s = at('CLAIM_CHANGE_PROPOSED');
    const refusal = s.refusal('decideClaimChange', 'delegatedHead', decided(D.claimChangeDecided));
    expect(refusal.kind).toBe('Forbidden');
    expect(refusal.message).toMatch(/须由检察长办理/);
  });

  it('where the policy asks for the head’s review, the chief decides only after it', () => {
    const s = at('COURT_FILED').does(
      'proposeClaimChange',
      { ...ACTORS.prosecutor, headReview: 'required' },
      withdrawal,
    );
    expect(s.refusal('decideClaimChange', 'chief', decided(D.claimChangeDecided)).message).toMatch(
      /尚待部门负责人审核/,
    );
    s.run('reviewProposal', 'head', { approve: true, reviewedOn: s.today, reasons: '同意撤诉' });
    const fx = s.run('decideClaimChange', 'chief', decided(D.claimChangeDecided));
    expect(fx.data).toMatchObject({ reviewedBy: ACTORS.head.userId, change: 'withdraw' });
  });

  it('no withdrawal can be proposed before the suit is filed with the court, nor once judged', () => {
    expect(at('LITIGATION').refusal('proposeClaimChange', 'prosecutor', withdrawal).message).toMatch(
      /尚未登记起诉/,
    );
    expect(at('JUDGMENT').refusal('proposeClaimChange', 'prosecutor', withdrawal).kind).toBe('WrongStage');
  });

  it('a case that sued before the rule replays without it: the proposal is refused there', () => {
    const s = before(at('COURT_FILED'), 'claimChanges');
    expect(s.refusal('proposeClaimChange', 'prosecutor', withdrawal).kind).toBe('WrongStage');
  });
});

describe('withdrawing support (撤回支持起诉)', () => {
  const support = (situation: string) => ({
    decidedOn: D.supportWithdrawn,
    situation,
    reason: '不适合继续支持',
  });

  it('the plaintiff settled with the defendant to the public’s loss: the chief withdraws support, to reach the court and the plaintiff within 3 days', () => {
    const s = at('SUPPORT');
    const fx = s.run('withdrawSupport', 'chief', support('withdrawn_or_settled') as never);
    expect(fx.data).toMatchObject({
      situationLabel: '原告撤回起诉或者与被告达成和解协议，致使社会公共利益不能得到有效保护',
    });
    expect(s.clock('support_withdrawal_notice')).toMatchObject({ status: 'running', due: '2025-10-23' });
    expect(s.state.stage).toBe('SUPPORT');
  });

  it('only the four situations of art. 102 may be named', () => {
    expect(() => at('SUPPORT').run('withdrawSupport', 'chief', support('lost_interest') as never)).toThrow(
      /situation/,
    );
  });

  it('the handler may not withdraw support: it is the chief’s decision', () => {
    expect(at('SUPPORT').refusal('withdrawSupport', 'prosecutor', support('other') as never).kind).toBe(
      'Forbidden',
    );
  });

  it('delivered to the court and the plaintiff: the clock is met, the case closes and may be filed anew', () => {
    const s = at('SUPPORT_WITHDRAWN');
    const fx = s.run('recordSupportWithdrawalDelivered', 'prosecutor', { deliveredOn: '2025-10-22' });
    expect(s.clock('support_withdrawal_notice')).toMatchObject({ status: 'met', metOn: '2025-10-22' });
    expect(fx.stageChanges.map((c) => c.to)).toEqual(['CLOSED', 'ARCHIVED']);
    expect(fx.data.refiling).toMatch(/另行立案.*第一百零三条/);
  });
});

describe('the defendant’s appeal reported above (被告上诉报告上一级检察院)', () => {
  it('the copy of the defendant’s appeal received on a Tuesday: the report is due that Friday', () => {
    const s = at('APPEAL_COPY_RECEIVED');
    expect(s.clock('appeal_report_above')).toMatchObject({ status: 'running', due: '2025-08-15' });
    s.run('recordAppealReportedAbove', 'prosecutor', {
      reportedOn: '2025-08-14',
      reportRef: '报〔2025〕9号',
    });
    expect(s.clock('appeal_report_above')).toMatchObject({ status: 'met', metOn: '2025-08-14' });
    expect(s.state.litigation?.defendantAppeal).toEqual({
      copyReceivedOn: D.appealCopy,
      reportedAboveOn: '2025-08-14',
      reportRef: '报〔2025〕9号',
    });
  });

  it('a copy received just before National Day is reported by the first working day after the holiday', () => {
    const s = at('JUDGMENT');
    s.today = '2025-12-31';
    s.run('recordAppeal', 'prosecutor', { appealedBy: 'defendant', filedOn: '2025-08-10' });
    s.run('recordAppealCopyReceived', 'prosecutor', { receivedOn: '2025-09-28' });
    expect(s.clock('appeal_report_above').due).toBe('2025-10-09');
  });

  it('a case appealed before the rule replays without it: no copy is recorded there', () => {
    const s = before(at('DEFENDANT_APPEALED'), 'defendantAppealReport');
    expect(s.refusal('recordAppealCopyReceived', 'prosecutor', { receivedOn: D.appealCopy }).message).toMatch(
      /本案办理时尚无/,
    );
  });

  it('an appeal the procuratorate brought itself has no copy to report', () => {
    const s = at('JUDGMENT').does('recordAppeal', 'prosecutor', {
      appealedBy: 'procuratorate',
      filedOn: D.appealed,
    });
    expect(s.refusal('recordAppealCopyReceived', 'prosecutor', { receivedOn: D.appealCopy }).message).toMatch(
      /没有被告提起的上诉/,
    );
  });

  it('a copy cannot be received before the appeal was filed', () => {
    expect(
      at('DEFENDANT_APPEALED').refusal('recordAppealCopyReceived', 'prosecutor', { receivedOn: '2025-08-09' })
        .message,
    ).toMatch(/不能早于上诉日期/);
  });
});

describe('生态环境损害赔偿 on a civil ecology case', () => {
  const outcome = (on: string, o: string) => ({ on, outcome: o, summary: '赔偿程序情况' }) as never;

  it('the right-holder settled with the polluter: the announcement clock is met and the case waits for the chief to end it under art. 90(二)', () => {
    const s = at('RIGHT_HOLDER_NOTIFIED');
    const fx = s.run('recordCompensationOutcome', 'prosecutor', outcome('2025-09-25', 'settled'));
    expect(s.state.stage).toBe('ANNOUNCEMENT');
    expect(s.clock('announcement')).toMatchObject({ status: 'met', metOn: '2025-09-25' });
    expect(fx.data.next).toMatch(/第九十条第二项/);
    s.run('terminate', 'chief', {
      decidedOn: '2025-09-26',
      reason: '已达成赔偿协议',
      ground: 'compensation_settled',
    });
    expect(s.state.stage).toBe('TERMINATED');
  });

  it('a case announced before the rule replays without it: no right-holder notice there', () => {
    const s = before(at('ANNOUNCEMENT'), 'ecoCompensation');
    expect(
      s.refusal('recordRightHolderNotified', 'prosecutor', { notifiedOn: '2025-09-08', rightHolder: '某局' })
        .kind,
    ).toBe('WrongStage');
  });

  it('the right-holder sued itself: the same ground ends the case', () => {
    const s = at('RIGHT_HOLDER_NOTIFIED');
    s.run('recordCompensationOutcome', 'prosecutor', outcome('2025-09-25', 'right_holder_sued'));
    expect(s.state.compensation).toMatchObject({ outcome: 'right_holder_sued', on: '2025-09-25' });
  });

  it('the consultation failed and nobody sued: after the announcement the civil review runs from its end (art. 96(一))', () => {
    const s = at('RIGHT_HOLDER_NOTIFIED');
    expect(
      s.refusal('recordCompensationOutcome', 'prosecutor', outcome('2025-09-30', 'consultation_failed'))
        .message,
    ).toMatch(/届满后才能登记/);
    s.run('recordCompensationOutcome', 'prosecutor', outcome('2025-10-10', 'consultation_failed'));
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(s.clock('litigation_review_civil').request.start).toBe(s.clock('announcement').due);
  });

  it('no outcome before the right-holder was told, and no notice on a case outside 生态环境和资源保护', () => {
    expect(
      at('ANNOUNCEMENT').refusal('recordCompensationOutcome', 'prosecutor', outcome('2025-10-10', 'settled'))
        .kind,
    ).toBe('WrongStage');
    const food = at('ANNOUNCEMENT');
    food.state.info.domainCode = 'food_drug';
    expect(
      food.refusal('recordRightHolderNotified', 'prosecutor', {
        notifiedOn: '2025-09-08',
        rightHolder: '某局',
      }).message,
    ).toMatch(/仅适用于生态环境和资源保护/);
  });
});
