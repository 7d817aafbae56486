/**
 * 刑事附带民事公益诉讼: a civil case linked to the criminal case whose crime harmed the public
 * interest (两高解释 art. 20). The civil suit is brought together with the prosecution, before the
 * court trying the criminal case, once the announcement has run (两高批复 法释〔2019〕18号: the
 * announcement is owed before an incidental suit too; where it would delay the criminal trial, the
 * civil suit is brought separately, by `recordCourtFiling`).
 */
import { Effects, requireDate, requireRuleInForce, requireStage, wrongStage, type Rule } from './common';
import { fileSuit } from './litigation';

const LINKABLE = ['FILED', 'INVESTIGATION', 'ANNOUNCEMENT', 'LITIGATION_REVIEW'] as const;

export const linkCriminalCase: Rule<'linkCriminalCase'> = (state, p, ctx) => {
  requireRuleInForce(ctx, 'criminalIncidental', '登记关联刑事案件');
  requireStage(state, LINKABLE, '登记关联刑事案件');
  if (state.info.track !== 'civil') throw wrongStage('刑事附带民事公益诉讼仅适用于民事公益诉讼案件');
  if (state.criminalCase) throw wrongStage('已登记关联刑事案件');
  const linkedOn = requireDate(p.linkedOn, '登记日期', ctx, { date: state.info.filedOn, label: '立案日期' });
  const { caseNumber, court } = p;
  const defendants = p.defendants
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  state.criminalCase = { caseNumber, court, defendants, linkedOn };
  return new Effects().note({ caseNumber, court, defendants, linkedOn });
};

/** The civil suit filed together with the prosecution, before the court trying the criminal case. */
export const recordIncidentalSuitFiled: Rule<'recordIncidentalSuitFiled'> = (state, p, ctx) => {
  const action = '登记随公诉一并提起附带民事公益诉讼';
  requireRuleInForce(ctx, 'criminalIncidental', action);
  requireStage(state, ['LITIGATION'], action);
  const criminal = state.criminalCase;
  if (!criminal) throw wrongStage('本案未登记关联刑事案件，请登记向法院起诉');
  const lit = state.litigation!;
  if (lit.filedOn) throw wrongStage('已登记起诉');
  const preSuitDone =
    state.announcement?.outcome !== undefined ||
    state.relativesInquiry?.answer !== undefined ||
    state.noCloseRelatives !== undefined;
  if (!preSuitDone) throw wrongStage('提起刑事附带民事公益诉讼应当先履行诉前公告程序');
  const filedOn = requireDate(p.filedOn, '起诉日期', ctx, { date: lit.decidedOn, label: '决定起诉日期' });
  const servedOn = requireDate(p.servedOn, '起诉书送达法院日期', ctx, { date: filedOn, label: '起诉日期' });
  criminal.filedWithProsecutionOn = filedOn;
  lit.withProsecution = true;
  return fileSuit(state, { court: criminal.court, filedOn, servedOn }).note({
    withProsecution: true,
    caseNumber: criminal.caseNumber,
    defendants: criminal.defendants,
  });
};
