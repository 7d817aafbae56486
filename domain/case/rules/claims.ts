/**
 * After suing: withdrawing the suit or changing its claims (撤回起诉, 变更诉讼请求, Rules arts. 84,
 * 99), the chief's decision on a proposal, filed with the court within 3 days; and withdrawing the
 * support given to another plaintiff's suit (撤回支持起诉, art. 102), delivered to the court and
 * the plaintiff within 3 days, after which the case may be filed anew (art. 103).
 */
import {
  CLAIM_CHANGE_GROUND_LABELS,
  CLAIM_CHANGES,
  SUPPORT_WITHDRAWAL_SITUATIONS,
  type ClaimChange,
  type ClaimChangeGround,
} from '../vocabulary';
import {
  Effects,
  invalid,
  meetClock,
  requireDate,
  requireRuleInForce,
  requireStage,
  startClock,
  wrongStage,
  type Rule,
} from './common';
import { propose, requireNoPendingProposal, takeDecision } from './proposals';
import { closeCase } from './recommendation';
import type { CaseState } from '../model';

const CLAIM_CHANGE_CLOCK = 'claim_change_filing';
const SUPPORT_WITHDRAWAL_CLOCK = 'support_withdrawal_notice';

/** The suit is before the court: filed and not yet decided at this instance. */
function requireSuitPending(state: CaseState, action: string): void {
  requireStage(state, ['LITIGATION'], action);
  if (!state.litigation?.filedOn) throw wrongStage(`尚未登记起诉，不能${action}`);
}

export const proposeClaimChange: Rule<'proposeClaimChange'> = (state, p, ctx) => {
  requireRuleInForce(ctx, 'claimChanges', '提请撤回起诉或变更诉讼请求');
  requireSuitPending(state, '提请撤回起诉或变更诉讼请求');
  requireNoPendingProposal(state);
  const claims = p.claims?.trim() ? p.claims : null;
  if (p.change === 'amend' && !claims) throw invalid('claims：变更诉讼请求时请填写变更后的诉讼请求');
  if (p.change === 'withdraw' && claims) throw invalid('claims：撤回起诉时不填写变更后的诉讼请求');
  checkGroundFits(p.ground, p.change, state.info.track);
  const claimChange = { change: p.change, ground: p.ground, claims };
  propose(state, ctx, 'claim_change', { reason: p.reason, claimChange });
  return new Effects().note({
    ...claimChange,
    changeLabel: CLAIM_CHANGES[p.change],
    basisLabel: CLAIM_CHANGE_GROUND_LABELS[p.ground],
    reason: p.reason,
  });
};

/**
 * Art. 84 is the administrative suit's (withdraw when the organ performed, or change the claim to a
 * confirmation of illegality), art. 99 the civil suit's. Grounds of the earlier list, read only on
 * replay, are not checked: they were accepted as they were.
 */
function checkGroundFits(
  ground: ClaimChangeGround,
  change: ClaimChange,
  track: 'administrative' | 'civil',
): void {
  const label = CLAIM_CHANGE_GROUND_LABELS[ground];
  const admin = ground === 'organ_performed' || ground === 'confirm_illegal';
  if (admin && track !== 'administrative')
    throw invalid(`ground：「${label}」是行政公益诉讼的情形，民事公益诉讼请依《办案规则》第九十九条`);
  if (ground === 'defendant_complied' && track !== 'civil')
    throw invalid(`ground：「${label}」是民事公益诉讼的情形，行政公益诉讼请依《办案规则》第八十四条`);
  if (ground === 'organ_performed' && change !== 'withdraw')
    throw invalid(
      'ground：行政机关已经依法履行职责而全部实现诉讼请求的，可以撤回起诉；确有必要变更诉讼请求的，请选择 confirm_illegal',
    );
  if (ground === 'confirm_illegal' && change !== 'amend')
    throw invalid('ground：请求判决确认行政行为违法是变更诉讼请求（change 为 amend）');
}

/** The chief decides; approved, the decision is to be filed with the court within 3 days. */
export const decideClaimChange: Rule<'decideClaimChange'> = (state, p, ctx) => {
  const { proposal, decidedOn, fx } = takeDecision(state, p, ctx, {
    stage: 'LITIGATION',
    action: '决定是否撤回起诉或变更诉讼请求',
    kind: 'claim_change',
    missing: '没有待决定的撤回起诉或变更诉讼请求提请',
    since: { date: state.litigation?.filedOn, label: '起诉日期' },
  });
  const { change, ground } = proposal.claimChange!;
  fx.note({
    change,
    changeLabel: CLAIM_CHANGES[change],
    ground,
    basisLabel: CLAIM_CHANGE_GROUND_LABELS[ground],
  });
  if (p.approve !== true) return fx;
  const lit = state.litigation!;
  lit.claimChanges = [...(lit.claimChanges ?? []), { change, ground, decidedOn }];
  startClock(fx, { key: CLAIM_CHANGE_CLOCK, clockId: 'claim_change_filing', start: decidedOn });
  return fx;
};

export const recordClaimChangeFiled: Rule<'recordClaimChangeFiled'> = (state, p, ctx) => {
  const pending = state.litigation?.claimChanges?.find((c) => c.filedWithCourtOn === undefined);
  if (!pending) throw wrongStage('没有待提交人民法院的撤回起诉或变更诉讼请求决定书');
  const filedOn = requireDate(p.filedOn, '提交日期', ctx, { date: pending.decidedOn, label: '决定日期' });
  pending.filedWithCourtOn = filedOn;
  const fx = new Effects().note({
    change: pending.change,
    changeLabel: CLAIM_CHANGES[pending.change],
    decidedOn: pending.decidedOn,
    filedOn,
    documentRef: p.documentRef ?? null,
  });
  meetClock(state, fx, CLAIM_CHANGE_CLOCK, filedOn);
  return fx;
};

/** The chief withdraws the support (art. 102), naming its situation; the case waits for the delivery. */
export const withdrawSupport: Rule<'withdrawSupport'> = (state, p, ctx) => {
  requireRuleInForce(ctx, 'claimChanges', '撤回支持起诉');
  requireStage(state, ['SUPPORT'], '撤回支持起诉');
  if (state.supportWithdrawal) throw wrongStage('已决定撤回支持起诉');
  const decidedOn = requireDate(p.decidedOn, '决定日期', ctx, {
    date: state.announcement?.publishedOn,
    label: '公告日期',
  });
  state.supportWithdrawal = { situation: p.situation, decidedOn };
  const fx = new Effects().note({
    decidedOn,
    situation: p.situation,
    situationLabel: SUPPORT_WITHDRAWAL_SITUATIONS[p.situation],
  });
  fx.reason = p.reason;
  startClock(fx, { key: SUPPORT_WITHDRAWAL_CLOCK, clockId: 'support_withdrawal_notice', start: decidedOn });
  return fx;
};

/** Delivered to the court and the plaintiff: the support ends and the case closes; it may be filed anew. */
export const recordSupportWithdrawalDelivered: Rule<'recordSupportWithdrawalDelivered'> = (state, p, ctx) => {
  const withdrawal = state.supportWithdrawal;
  if (state.stage !== 'SUPPORT' || !withdrawal || withdrawal.deliveredOn)
    throw wrongStage('没有待提交人民法院并发送原告的撤回支持起诉决定书');
  const deliveredOn = requireDate(p.deliveredOn, '提交和发送日期', ctx, {
    date: withdrawal.decidedOn,
    label: '决定日期',
  });
  withdrawal.deliveredOn = deliveredOn;
  const fx = new Effects().note({
    decidedOn: withdrawal.decidedOn,
    deliveredOn,
    documentRef: p.documentRef ?? null,
    refiling: '撤回支持起诉后，可以依法另行立案（《办案规则》第一百零三条）',
  });
  meetClock(state, fx, SUPPORT_WITHDRAWAL_CLOCK, deliveredOn);
  closeCase(state, 'support_withdrawn', fx, deliveredOn, ctx);
  return fx;
};
