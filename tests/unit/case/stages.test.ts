// Each action refused where the procedure does not allow it (kind WrongStage), leaving the case as it was.
import { ACTION_NAMES } from '../../../domain/case/actions';
import type { ActionName, Payloads } from '../../../domain/case/payloads';
import { ACCEPTED, type Accepted } from './accepted-table';
import { at, type Point } from './points';
import type { ActorName, Story } from './story';

interface WrongStage<N extends ActionName> {
  name: N;
  at: Point | [string, () => Story];
  /** Default: the accepted case's payload. */
  payload?: Partial<Payloads[N]>;
  by?: ActorName;
  message: RegExp;
}

const filingServed = () =>
  at('INVESTIGATION').does('recordFilingService', 'prosecutor', ACCEPTED.recordFilingService.payload);
const majorLeadReported = () =>
  at('MAJOR_LEAD').does('recordMajorLeadReported', 'prosecutor', ACCEPTED.recordMajorLeadReported.payload);
const escalationConfirmed = () =>
  at('ESCALATED').does('confirmEscalation', 'head', ACCEPTED.confirmEscalation.payload);

const allConfirmed = () => {
  const s = escalationConfirmed();
  for (const step of ['report_above', 'report_congress', 'notify_government', 'notify_discipline'] as const)
    s.run('confirmEscalation', 'chief', { ...ACCEPTED.confirmEscalation.payload, step });
  return s;
};

const alertAcknowledged = () =>
  at('ALERTED').does('acknowledgeAlert', 'caseOffice', ACCEPTED.acknowledgeAlert.payload);

const w = <N extends ActionName>(row: WrongStage<N>) => row as unknown as WrongStage<ActionName>;

const NOT_NOW: WrongStage<ActionName>[] = [
  w({ name: 'startEvaluation', at: 'EVALUATION', message: /「线索评估」阶段，不能开始线索评估/ }),
  w({ name: 'proposeFiling', at: 'FILED', message: /不能提请立案/ }),
  w({ name: 'proposeFiling', at: 'FILING_PROPOSED', message: /已有待检察长决定的提请/ }),
  w({ name: 'flagMajorLead', at: 'FILED', message: /不能认定重大线索/ }),
  w({ name: 'flagMajorLead', at: 'MAJOR_LEAD', message: /已于 2025-03-03 认定为重大线索/ }),
  w({ name: 'recordMajorLeadReported', at: 'LEAD', message: /未认定为重大线索/ }),
  w({
    name: 'recordMajorLeadReported',
    at: ['MAJOR_LEAD_REPORTED', majorLeadReported],
    message: /已于 2025-03-07 报上一级检察院/,
  }),
  w({ name: 'decideFiling', at: 'LEAD', message: /不能决定是否立案/ }),
  w({ name: 'decideFiling', at: 'EVALUATION', message: /没有待决定的立案提请/ }),
  w({ name: 'recordFilingService', at: 'EVALUATION', message: /不能登记立案决定书送达/ }),
  w({ name: 'recordFilingService', at: ['FILING_SERVED', filingServed], message: /立案决定书已登记送达/ }),
  w({ name: 'recordInvestigation', at: 'RECOMMENDATION', message: /不能登记调查情况/ }),
  w({ name: 'recordConsultation', at: 'LEAD', message: /不能登记磋商情况/ }),
  w({ name: 'recordConsultation', at: 'CIVIL_INVESTIGATION', message: /仅适用于行政公益诉讼/ }),
  w({ name: 'proposeRecommendation', at: 'FILED', message: /不能提请发出检察建议/ }),
  w({ name: 'proposeRecommendation', at: 'CIVIL_INVESTIGATION', message: /仅适用于行政公益诉讼/ }),
  w({ name: 'proposeRecommendation', at: 'RECOMMENDATION_PROPOSED', message: /已有待检察长决定的提请/ }),
  w({ name: 'decideRecommendation', at: 'INVESTIGATION', message: /没有待决定的检察建议提请/ }),
  w({ name: 'decideRecommendation', at: 'RECOMMENDATION', message: /不能决定是否发出检察建议/ }),
  w({ name: 'recordRecommendationService', at: 'INVESTIGATION', message: /不能登记检察建议书送达/ }),
  w({ name: 'recordRecommendationService', at: 'SERVED', message: /没有待登记送达的检察建议/ }),
  w({
    name: 'recordRecommendationFiledAbove',
    at: 'RECOMMENDATION',
    message: /没有待报上级院备案的检察建议/,
  }),
  w({ name: 'confirmReceiptOnline', at: 'SERVED', message: /没有待登记送达的检察建议/ }),
  w({ name: 'answerRecommendationItems', at: 'RECOMMENDATION', message: /请先确认签收/ }),
  w({ name: 'reportRectificationProgress', at: 'RECOMMENDATION', message: /请先确认签收/ }),
  w({ name: 'requestRectificationExtension', at: 'RECOMMENDATION', message: /请先确认签收/ }),
  w({
    name: 'requestRectificationExtension',
    at: 'EXTENSION_REQUESTED',
    message: /已于 2025-12-31 申请延期至 2026-03-31，请等待检察机关决定后再申请/,
  }),
  w({ name: 'reportRectificationProgress', at: 'LITIGATION_REVIEW', message: /该检察建议已办结/ }),
  w({ name: 'decideRectificationExtension', at: 'SERVED', message: /没有待决定的延期申请/ }),
  w({ name: 'recordReply', at: 'RECOMMENDATION', message: /未送达或已登记回复/ }),
  w({ name: 'recordReply', at: 'FOLLOW_UP', message: /未送达或已登记回复/ }),
  w({ name: 'recordReply', at: 'LITIGATION_REVIEW', message: /不能登记行政机关回复/ }),
  w({ name: 'recordFinding', at: 'SERVED', message: /尚未回复或回复期限未满/ }),
  w({ name: 'recordFinding', at: 'LITIGATION_REVIEW', message: /不能登记跟进调查认定/ }),
  w({ name: 'proposeLitigation', at: 'FOLLOW_UP', message: /不能提请提起诉讼/ }),
  w({ name: 'proposeLitigation', at: 'LITIGATION_PROPOSED', message: /已有待检察长决定的提请/ }),
  w({ name: 'decideLitigation', at: 'LITIGATION_REVIEW', message: /没有待决定的起诉提请/ }),
  w({ name: 'recordCourtFiling', at: 'LITIGATION_REVIEW', message: /不能登记向法院起诉/ }),
  w({ name: 'recordCourtFiling', at: 'COURT_FILED', message: /已登记起诉/ }),
  w({ name: 'recordComplaintReportedAbove', at: 'LITIGATION', message: /没有待报送上级院的起诉书/ }),
  w({ name: 'recordJudgment', at: 'LITIGATION', message: /尚未登记起诉/ }),
  w({ name: 'recordJudgment', at: 'JUDGMENT', message: /不能登记裁判结果/ }),
  w({ name: 'recordAppeal', at: 'COURT_FILED', message: /不能登记上诉/ }),
  w({ name: 'recordAppeal', at: 'ENFORCEMENT', message: /不能登记上诉/ }),
  w({ name: 'recordEnforcement', at: 'JUDGMENT', message: /不能登记执行完毕/ }),
  w({ name: 'proposeClaimChange', at: 'LITIGATION', message: /尚未登记起诉，不能提请撤回起诉/ }),
  w({ name: 'proposeClaimChange', at: 'JUDGMENT', message: /不能提请撤回起诉或变更诉讼请求/ }),
  w({ name: 'proposeClaimChange', at: 'CLAIM_CHANGE_PROPOSED', message: /已有待检察长决定的提请/ }),
  w({ name: 'decideClaimChange', at: 'COURT_FILED', message: /没有待决定的撤回起诉或变更诉讼请求提请/ }),
  w({ name: 'recordClaimChangeFiled', at: 'COURT_FILED', message: /没有待提交人民法院的/ }),
  w({ name: 'recordAppealCopyReceived', at: 'COURT_FILED', message: /没有被告提起的上诉/ }),
  w({ name: 'recordAppealCopyReceived', at: 'APPEAL_COPY_RECEIVED', message: /已登记收到上诉状副本/ }),
  w({
    name: 'recordAppealReportedAbove',
    at: 'DEFENDANT_APPEALED',
    message: /没有待报告上一级检察院的被告上诉/,
  }),
  w({ name: 'withdrawSupport', at: 'ANNOUNCEMENT', message: /不能撤回支持起诉/ }),
  w({ name: 'withdrawSupport', at: 'SUPPORT_WITHDRAWN', message: /已决定撤回支持起诉/ }),
  w({ name: 'recordSupportWithdrawalDelivered', at: 'SUPPORT', message: /没有待提交人民法院并发送原告/ }),
  w({ name: 'recordRightHolderNotified', at: 'SUPPORT', message: /不能登记告知赔偿权利人/ }),
  w({ name: 'recordRightHolderNotified', at: 'RIGHT_HOLDER_NOTIFIED', message: /已登记告知/ }),
  w({ name: 'recordCompensationOutcome', at: 'ANNOUNCEMENT', message: /没有已告知、尚无结果/ }),
  w({ name: 'linkCriminalCase', at: 'CRIMINAL_LINKED', message: /已登记关联刑事案件/ }),
  w({ name: 'linkCriminalCase', at: 'SUPPORT', message: /不能登记关联刑事案件/ }),
  w({ name: 'recordIncidentalSuitFiled', at: 'LITIGATION', message: /未登记关联刑事案件/ }),
  w({ name: 'inquireRelatives', at: 'RELATIVES_INQUIRED', message: /已征询/ }),
  w({ name: 'inquireRelatives', at: 'CIVIL_INVESTIGATION', message: /仅适用于英雄烈士保护/ }),
  w({ name: 'recordRelativesAnswer', at: 'HEROES_INVESTIGATION', message: /没有已征询、尚未答复/ }),
  w({ name: 'recordNoCloseRelatives', at: 'RELATIVES_INQUIRED', message: /已征询/ }),
  w({ name: 'recordNoCloseRelatives', at: 'CIVIL_INVESTIGATION', message: /仅适用于英雄烈士保护/ }),
  w({ name: 'dateExtension', at: 'LITIGATION_REVIEW', message: /没有未注明决定日期的延长/ }),
  w({ name: 'recordRevisit', at: 'FOLLOW_UP', message: /不能登记回头看/ }),
  w({ name: 'terminate', at: 'EVALUATION', message: /不能终结审查/ }),
  w({ name: 'terminate', at: 'LITIGATION', message: /不能终结审查/ }),
  w({ name: 'suspend', at: 'FILED', message: /不能中止审查/ }),
  w({ name: 'suspend', at: 'SUSPENDED', message: /不能中止审查/ }),
  w({ name: 'suspend', at: 'INVESTIGATION', message: /不能中止审查（仅限跟进监督、审查起诉阶段）/ }),
  w({ name: 'recordSuspensionFiledAbove', at: 'FOLLOW_UP', message: /没有待报上级院备案的中止审查决定书/ }),
  w({ name: 'resume', at: 'FOLLOW_UP', message: /不能恢复审查/ }),
  w({ name: 'extendDeadline', at: 'LITIGATION', message: /litigation_review_admin 已不在进行中/ }),
  w({ name: 'addExcludedDays', at: 'LITIGATION', message: /没有进行中的审查起诉期限或调查期限/ }),
  w({ name: 'startAppraisal', at: 'LITIGATION', message: /没有进行中的审查起诉期限或调查期限/ }),
  w({ name: 'endAppraisal', at: 'LITIGATION_REVIEW', message: /没有正在进行的鉴定等期间/ }),
  w({
    name: 'addExcludedDays',
    at: 'INVESTIGATION',
    payload: { clockKey: 'lead_evaluation', from: '2025-03-04', to: '2025-03-05' },
    message: /lead_evaluation 已不在进行中/,
  }),
  w({
    name: 'confirmEscalation',
    at: ['ESCALATION_CONFIRMED', escalationConfirmed],
    message: /该督促措施已确认/,
  }),
  w({ name: 'confirmEscalation', at: ['ALL_CONFIRMED', allConfirmed], message: /没有待确认的督促措施/ }),
  w({ name: 'confirmEscalation', at: 'FOLLOW_UP', message: /没有待确认的督促措施/ }),
  w({ name: 'proposeEscalation', at: 'FOLLOW_UP', message: /没有待确认的督促措施/ }),
  w({ name: 'reviewProposal', at: 'FILING_PROPOSED', message: /没有待部门负责人审核的提请/ }),
  w({ name: 'acknowledgeAlert', at: 'LEAD', message: /案件没有待确认的告警/ }),
  w({
    name: 'acknowledgeAlert',
    at: 'ALERTED',
    payload: { subject: 'recordReply' },
    message: /案件没有这条待确认的告警/,
  }),
  w({ name: 'acknowledgeAlert', at: ['ALERT_ACKNOWLEDGED', alertAcknowledged], message: /没有待确认的告警/ }),
  w({ name: 'publishAnnouncement', at: 'INVESTIGATION', message: /仅适用于民事公益诉讼/ }),
  w({ name: 'publishAnnouncement', at: 'ANNOUNCEMENT', message: /不能发布诉前公告/ }),
  w({ name: 'recordAnnouncementOutcome', at: 'CIVIL_INVESTIGATION', message: /不能登记公告结果/ }),
  w({ name: 'recordSupportConcluded', at: 'ANNOUNCEMENT', message: /不能登记支持起诉结束/ }),
  w({ name: 'recordCivilParty', at: 'INVESTIGATION', message: /被告登记仅适用于民事公益诉讼案件/ }),
  w({ name: 'recordCivilParty', at: 'SUPPORT', message: /不能登记被告/ }),
  w({ name: 'recordSupport', at: 'ANNOUNCEMENT', message: /不能登记支持起诉/ }),
  w({ name: 'recordPlaintiffSuit', at: 'ANNOUNCEMENT', message: /不能登记适格主体起诉/ }),
  w({ name: 'recordPlaintiffSuit', at: 'LITIGATION_REVIEW', message: /仅适用于民事公益诉讼案件/ }),
];

function story(point: WrongStage<ActionName>['at']): Story {
  return typeof point === 'string' ? at(point) : point[1]();
}
describe.each(
  NOT_NOW.map((row) => [row.name, typeof row.at === 'string' ? row.at : row.at[0], row] as const),
)('%s at %s', (name, point, row) => {
  it('is refused as WrongStage', () => {
    const accepted = ACCEPTED[name] as Accepted<ActionName>;
    const payload = { ...accepted.payload, ...row.payload } as Payloads[ActionName];
    const refusal = story(row.at).refusal(name, row.by ?? accepted.by, payload);
    expect(refusal).toMatchObject({ kind: 'WrongStage', message: expect.stringMatching(row.message) });
  });
});

it('every action has a stage (or state) where it is refused, except transfers, notes and the typical-case mark', () => {
  const covered = new Set(NOT_NOW.map((row) => row.name));
  expect(ACTION_NAMES.filter((name) => !covered.has(name))).toEqual([
    'recordTransferOut',
    'reassign',
    'addNote',
    'attachEvidence',
    'recordOrganAccess',
    'markTypical',
  ]);
});

const ENDED = ['TERMINATED', 'REJECTED', 'ARCHIVED'] as const;
const ARCHIVED = () => at('REVISIT').does('recordRevisit', 'prosecutor', ACCEPTED.recordRevisit.payload);
const ended = (point: (typeof ENDED)[number]) => (point === 'ARCHIVED' ? ARCHIVED() : at(point));

describe.each(ENDED)('a case that has ended (%s)', (point) => {
  const closedOff = ACTION_NAMES.filter(
    (name) => name !== 'addNote' && name !== 'markTypical' && name !== 'attachEvidence',
  );

  it.each(closedOff)('refuses %s as WrongStage', (name) => {
    const accepted = ACCEPTED[name] as Accepted<ActionName>;
    const refusal = ended(point).refusal(name as ActionName, accepted.by, accepted.payload);
    expect(refusal).toMatchObject({
      kind: 'WrongStage',
      message: expect.stringMatching(/^案件已结束，不能/),
    });
  });

  it('still takes a note and the typical-case mark', () => {
    const s = ended(point);
    s.run('addNote', 'head', { text: '归档备注' });
    s.run('markTypical', 'chief', { typical: true, reason: '以案释法' });
    expect(s.state).toMatchObject({ stage: point, typical: true });
  });
});
