/** Civil track: the pre-litigation announcement (诉前公告) and its outcome. */
import type { CaseState, PlaintiffSuit } from '../model';
import { SUIT_RESULTS_BACK_TO_REVIEW } from '../vocabulary';
import {
  Effects,
  inForce,
  invalid,
  meetClock,
  moveStage,
  requireDate,
  requireStage,
  startClock,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';
import { requireNoPendingProposal } from './proposals';
import { closeCase } from './recommendation';

export const publishAnnouncement: Rule<'publishAnnouncement'> = (state, p, ctx) => {
  requireStage(state, ['INVESTIGATION'], '发布诉前公告');
  if (state.info.track !== 'civil') throw wrongStage('诉前公告仅适用于民事公益诉讼案件');
  if (state.relativesInquiry) throw wrongStage('已征询英雄烈士等近亲属意见，不再发布诉前公告');
  if (state.noCloseRelatives) throw wrongStage('已登记英雄烈士等没有近亲属，案件已转入审查起诉');
  const publishedOn = requireDate(p.publishedOn, '公告日期', ctx, {
    date: state.info.filedOn,
    label: '立案日期',
  });
  state.announcement = { publishedOn };
  const fx = new Effects().note({ publishedOn, medium: p.medium });
  meetClock(state, fx, 'investigation', publishedOn);
  startClock(fx, { key: 'announcement', clockId: 'announcement', start: publishedOn });
  moveStage(state, 'announcement_published', fx);
  return fx;
};

export const recordAnnouncementOutcome: Rule<'recordAnnouncementOutcome'> = (state, p, ctx) => {
  requireStage(state, ['ANNOUNCEMENT'], '登记公告结果');
  const announcement = state.announcement!;
  const on = requireDate(p.on, '登记日期', ctx, { date: announcement.publishedOn, label: '公告日期' });
  const fx = new Effects().note({ on, outcome: p.outcome, plaintiff: p.plaintiff ?? null });
  if (p.outcome === 'sued_by_other') {
    announcement.outcome = 'sued_by_other';
    if (!p.plaintiff) throw invalid('请填写起诉的机关或组织');
    announcement.plaintiff = p.plaintiff;
    if (inForce(ctx, 'supportContent')) addSuit(state, { plaintiff: p.plaintiff, suedOn: on });
    meetClock(state, fx, 'announcement', on);
    moveStage(state, 'other_plaintiff_sued', fx);
    return fx;
  }
  const end = state.clocks.announcement?.due;
  if (!end || on <= end) throw invalid(`公告期至 ${end ?? '—'} 届满，届满后才能登记无人起诉`);
  announcement.outcome = 'nobody_sued';
  meetClock(state, fx, 'announcement', on);
  moveStage(state, 'nobody_sued', fx);
  startClock(fx, { key: 'litigation_review_civil', clockId: 'litigation_review_civil', start: end });
  return fx;
};

/** A suit a qualified organ or organisation brought, now the case's current one. */
export function addSuit(
  state: CaseState,
  suit: Pick<PlaintiffSuit, 'plaintiff' | 'suedOn' | 'court'>,
): PlaintiffSuit {
  const added: PlaintiffSuit = { ...suit, supports: [] };
  (state.plaintiffSuits ??= []).push(added);
  return added;
}

/** The suit the case supports now; a case that reached support before suits were recorded has it from the announcement. */
function currentSuit(state: CaseState): PlaintiffSuit {
  const last = state.plaintiffSuits?.at(-1);
  if (last && !last.result) return last;
  const { plaintiff = '—', publishedOn } = state.announcement ?? {};
  return addSuit(state, { plaintiff, suedOn: publishedOn ?? state.info.receivedOn });
}

function requireSupportContent(ctx: RuleContext): void {
  if (!inForce(ctx, 'supportContent')) throw wrongStage('本案不能登记支持起诉的内容');
}

/**
 * A qualified organ or organisation sued while the case was in litigation review (Rules art. 90(四)):
 * the procuratorate supports the suit (the case moves to support), or records it so that the chief
 * ends the case on that ground.
 */
export const recordPlaintiffSuit: Rule<'recordPlaintiffSuit'> = (state, p, ctx) => {
  requireStage(state, ['LITIGATION_REVIEW'], '登记适格主体起诉');
  if (state.info.track !== 'civil') throw wrongStage('适格主体起诉仅适用于民事公益诉讼案件');
  requireSupportContent(ctx);
  requireNoPendingProposal(state);
  const suedOn = requireDate(p.suedOn, '起诉日期', ctx, {
    date: state.announcement?.publishedOn,
    label: '公告日期',
  });
  addSuit(state, { plaintiff: p.plaintiff, suedOn, court: p.court });
  const fx = new Effects().note({ suedOn, plaintiff: p.plaintiff, court: p.court, support: p.support });
  if (!p.support) return fx;
  meetClock(state, fx, 'litigation_review_civil', suedOn);
  moveStage(state, 'other_plaintiff_sued', fx);
  return fx;
};

/** The support given to the suit (Rules art. 101): the court, the ways, what was done. */
export const recordSupport: Rule<'recordSupport'> = (state, p, ctx) => {
  requireStage(state, ['SUPPORT'], '登记支持起诉');
  requireSupportContent(ctx);
  const suit = currentSuit(state);
  const supportedOn = requireDate(p.supportedOn, '支持起诉日期', ctx, {
    date: suit.suedOn,
    label: '起诉日期',
  });
  suit.court = p.court;
  suit.supports.push({ supportedOn, forms: p.forms });
  return new Effects().note({
    plaintiff: suit.plaintiff,
    supportedOn,
    court: p.court,
    forms: p.forms,
    summary: p.summary,
  });
};

/**
 * The supported suit ended. A judgment, settlement or dismissal on the merits closes the case; a
 * suit the plaintiff withdrew or that was refused for standing protected nothing, so the case
 * returns to the procuratorate's own litigation review, its 3 months running from that day.
 */
export const recordSupportConcluded: Rule<'recordSupportConcluded'> = (state, p, ctx) => {
  requireStage(state, ['SUPPORT'], '登记支持起诉结束');
  if (inForce(ctx, 'civilEndingChecks') && state.supportWithdrawal && !state.supportWithdrawal.deliveredOn)
    throw wrongStage('已决定撤回支持起诉：请登记决定书提交人民法院并发送原告，不能登记支持起诉结束');
  const on = requireDate(p.on, '结束日期', ctx, {
    date: state.announcement?.publishedOn,
    label: '公告日期',
  });
  const fx = new Effects().note({ on, summary: p.summary });
  if (!inForce(ctx, 'supportContent')) {
    closeCase(state, 'support_concluded', fx, on, ctx);
    return fx;
  }
  const suit = currentSuit(state);
  Object.assign(suit, { result: p.result, endedOn: on });
  fx.note({ plaintiff: suit.plaintiff, result: p.result });
  if (!SUIT_RESULTS_BACK_TO_REVIEW.includes(p.result)) {
    closeCase(state, 'support_concluded', fx, on, ctx);
    return fx;
  }
  moveStage(state, 'supported_suit_failed', fx);
  startClock(fx, { key: 'litigation_review_civil', clockId: 'litigation_review_civil', start: on });
  return fx;
};
