/**
 * 英雄烈士保护: before suing, the procuratorate asks the hero's or martyr's close relatives whether
 * they will sue (Rules art. 92; 两高解释 art. 13 para. 2), instead of the announcement, and waits for
 * their answer (`relatives_inquiry`, a policy length). A suit of theirs is supported; their
 * objection is a ground for the chief to end the case (art. 90(三)); no suit of theirs, or no answer
 * in time, leads to the civil litigation review (art. 96(三)).
 */
import { RELATIVES_ANSWERS } from '../vocabulary';
import type { CaseState } from '../model';
import { addSuit } from './civil';
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

/** The domain of 英雄烈士保护 (civil only). */
export const HEROES_DOMAIN = 'heroes';
const INQUIRY_CLOCK = 'relatives_inquiry';

function requireHeroesInvestigation(state: CaseState, ctx: RuleContext, action: string): void {
  requireRuleInForce(ctx, 'heroesRelatives', action);
  requireStage(state, ['INVESTIGATION'], action);
  if (state.info.track !== 'civil' || state.info.domainCode !== HEROES_DOMAIN)
    throw wrongStage('征询近亲属意见仅适用于英雄烈士保护领域的民事公益诉讼案件');
}

export const inquireRelatives: Rule<'inquireRelatives'> = (state, p, ctx) => {
  requireHeroesInvestigation(state, ctx, '征询英雄烈士等近亲属意见');
  if (state.relativesInquiry) throw wrongStage('已征询英雄烈士等近亲属意见');
  if (state.noCloseRelatives) throw wrongStage('已登记英雄烈士等没有近亲属，无从征询');
  const inquiredOn = requireDate(p.inquiredOn, '征询日期', ctx, {
    date: state.info.filedOn,
    label: '立案日期',
  });
  state.relativesInquiry = { inquiredOn, relatives: p.relatives };
  const fx = new Effects().note({ inquiredOn, relatives: p.relatives });
  meetClock(state, fx, 'investigation', inquiredOn);
  startClock(fx, { key: INQUIRY_CLOCK, clockId: 'relatives_inquiry', start: inquiredOn });
  return fx;
};

/**
 * No close relatives to ask (art. 92: the procuratorate may then sue itself): recorded with how it was
 * established, in place of the inquiry; the civil litigation review starts that day.
 */
export const recordNoCloseRelatives: Rule<'recordNoCloseRelatives'> = (state, p, ctx) => {
  const action = '登记英雄烈士等没有近亲属';
  requireRuleInForce(ctx, 'heroesNoRelatives', action);
  requireHeroesInvestigation(state, ctx, action);
  if (state.relativesInquiry) throw wrongStage('已征询英雄烈士等近亲属意见');
  if (state.noCloseRelatives) throw wrongStage('已登记英雄烈士等没有近亲属');
  const recordedOn = requireDate(p.recordedOn, '登记日期', ctx, {
    date: state.info.filedOn,
    label: '立案日期',
  });
  state.noCloseRelatives = { recordedOn, summary: p.summary };
  const fx = new Effects().note({
    recordedOn,
    summary: p.summary,
    next: '没有近亲属，无需征询，转入审查起诉（《办案规则》第九十二条）',
  });
  meetClock(state, fx, 'investigation', recordedOn);
  moveStage(state, 'no_close_relatives', fx);
  startClock(fx, { key: 'litigation_review_civil', clockId: 'litigation_review_civil', start: recordedOn });
  return fx;
};

export const recordRelativesAnswer: Rule<'recordRelativesAnswer'> = (state, p, ctx) => {
  requireHeroesInvestigation(state, ctx, '登记近亲属意见');
  const inquiry = state.relativesInquiry;
  if (!inquiry || inquiry.answer) throw wrongStage('没有已征询、尚未答复的英雄烈士等近亲属');
  const on = requireDate(p.on, '登记日期', ctx, { date: inquiry.inquiredOn, label: '征询日期' });
  const plaintiff = p.plaintiff?.trim() ? p.plaintiff : null;
  if (p.answer === 'relatives_sued' && !plaintiff) throw invalid('plaintiff：请填写起诉的近亲属');
  if (p.answer !== 'relatives_sued' && plaintiff) throw invalid('plaintiff：仅在近亲属已经提起诉讼时填写');
  const due = state.clocks[INQUIRY_CLOCK]?.due;
  if (p.answer === 'no_answer' && (!due || on <= due))
    throw invalid(`征询期至 ${due ?? '—'} 届满，届满后才能登记近亲属未答复`);
  Object.assign(inquiry, { answer: p.answer, answeredOn: on });
  const fx = new Effects().note({
    on,
    answer: p.answer,
    answerLabel: RELATIVES_ANSWERS[p.answer],
    plaintiff,
    summary: p.summary,
  });
  meetClock(state, fx, INQUIRY_CLOCK, on);
  if (p.answer === 'relatives_sued') {
    addSuit(state, { plaintiff: plaintiff!, suedOn: on });
    moveStage(state, 'relatives_sued', fx);
  } else if (p.answer === 'relatives_object') {
    fx.note({ next: '应当终结案件（《办案规则》第九十条第三项），请检察长决定终结' });
  } else {
    moveStage(state, 'relatives_not_suing', fx);
    const start = p.answer === 'no_answer' ? due! : on;
    startClock(fx, { key: 'litigation_review_civil', clockId: 'litigation_review_civil', start });
  }
  return fx;
};
