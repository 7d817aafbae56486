/**
 * 生态环境损害赔偿 on a civil ecology case: the announcement also tells the compensation right-holder
 * to start its procedure (Rules art. 91(二)). A settlement or the right-holder's own suit is a ground
 * to end the case (art. 90(二)), which the chief then decides; a failed consultation with no suit
 * leads to the litigation review (art. 96(一)).
 */
import { COMPENSATION_OUTCOMES } from '../vocabulary';
import type { CaseState } from '../model';
import {
  Effects,
  invalid,
  meetClock,
  moveStage,
  requireDate,
  requireRuleInForce,
  requireStage,
  startClock,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';

/** The domain whose civil cases have a 生态环境损害赔偿 right-holder (生态环境和资源保护). */
export const COMPENSATION_DOMAIN = 'ecology';

function requireEcologyAnnouncement(state: CaseState, ctx: RuleContext, action: string): void {
  requireRuleInForce(ctx, 'ecoCompensation', action);
  requireStage(state, ['ANNOUNCEMENT'], action);
  if (state.info.domainCode !== COMPENSATION_DOMAIN)
    throw wrongStage('生态环境损害赔偿仅适用于生态环境和资源保护领域的民事公益诉讼案件');
}

export const recordRightHolderNotified: Rule<'recordRightHolderNotified'> = (state, p, ctx) => {
  requireEcologyAnnouncement(state, ctx, '登记告知赔偿权利人');
  if (state.compensation) throw wrongStage('已登记告知生态环境损害赔偿权利人');
  const notifiedOn = requireDate(p.notifiedOn, '告知日期', ctx, {
    date: state.announcement?.publishedOn,
    label: '公告日期',
  });
  state.compensation = { rightHolder: p.rightHolder, notifiedOn };
  return new Effects().note({ rightHolder: p.rightHolder, notifiedOn });
};

export const recordCompensationOutcome: Rule<'recordCompensationOutcome'> = (state, p, ctx) => {
  requireEcologyAnnouncement(state, ctx, '登记生态环境损害赔偿结果');
  const compensation = state.compensation;
  if (!compensation || compensation.outcome) throw wrongStage('没有已告知、尚无结果的生态环境损害赔偿程序');
  const on = requireDate(p.on, '登记日期', ctx, { date: compensation.notifiedOn, label: '告知日期' });
  const fx = new Effects().note({
    on,
    outcome: p.outcome,
    outcomeLabel: COMPENSATION_OUTCOMES[p.outcome],
    rightHolder: compensation.rightHolder,
    summary: p.summary,
  });
  if (p.outcome !== 'consultation_failed') {
    Object.assign(compensation, { outcome: p.outcome, on });
    meetClock(state, fx, 'announcement', on);
    fx.note({ next: '应当终结案件（《办案规则》第九十条第二项），请检察长决定终结' });
    return fx;
  }
  const end = state.clocks.announcement?.due;
  if (!end || on <= end)
    throw invalid(`公告期至 ${end ?? '—'} 届满，届满后才能登记磋商未达成一致且赔偿权利人不起诉`);
  Object.assign(compensation, { outcome: p.outcome, on });
  state.announcement!.outcome = 'nobody_sued';
  meetClock(state, fx, 'announcement', on);
  moveStage(state, 'compensation_failed', fx);
  startClock(fx, { key: 'litigation_review_civil', clockId: 'litigation_review_civil', start: end });
  return fx;
};
