/**
 * Major leads (重大线索, Rules art. 25): a lead flagged as major — at registration or later — is
 * reported to the procuratorate above, on a clock whose length is the procuratorate's policy.
 */
import type { CivilDate } from '../../period/dates';
import type { CaseState } from '../model';
import { Effects, meetClock, requireDate, requireStage, startClock, wrongStage, type Rule } from './common';

const CLOCK = 'major_lead_report';

/** Marks the lead as major and starts its report clock; `fx` gets the flag for the timeline. */
export function markMajor(
  state: CaseState,
  fx: Effects,
  flag: { flaggedOn: CivilDate; flaggedBy: string; reason: string },
): void {
  state.majorLead = { ...flag };
  fx.note({ majorLead: true, flaggedOn: flag.flaggedOn, majorLeadReason: flag.reason });
  startClock(fx, { key: CLOCK, clockId: CLOCK, start: flag.flaggedOn });
}

/** A lead is flagged while it is a lead; once filed it is a case, reported by its own rules. */
export const flagMajorLead: Rule<'flagMajorLead'> = (state, p, ctx) => {
  requireStage(state, ['LEAD', 'EVALUATION'], '认定重大线索');
  if (state.majorLead) throw wrongStage(`本案线索已于 ${state.majorLead.flaggedOn} 认定为重大线索`);
  const flaggedOn = requireDate(p.flaggedOn, '认定日期', ctx, {
    date: state.info.receivedOn,
    label: '收到线索的日期',
  });
  const fx = new Effects();
  markMajor(state, fx, { flaggedOn, flaggedBy: ctx.actor.userId, reason: p.reason });
  return fx;
};

export const recordMajorLeadReported: Rule<'recordMajorLeadReported'> = (state, p, ctx) => {
  const major = state.majorLead;
  if (!major) throw wrongStage('本案线索未认定为重大线索，无须报上一级检察院');
  if (major.reportedOn) throw wrongStage(`重大线索已于 ${major.reportedOn} 报上一级检察院`);
  const reportedOn = requireDate(p.reportedOn, '报告日期', ctx, { date: major.flaggedOn, label: '认定日期' });
  major.reportedOn = reportedOn;
  major.reportRef = p.reportRef ?? null;
  const fx = new Effects().note({ reportedOn, reportRef: major.reportRef });
  meetClock(state, fx, CLOCK, reportedOn);
  return fx;
};
