/**
 * What each staff action needs for the matrix: the earliest stage it applies to, a
 * valid body, and — where the action's own rule rather than its kind decides — the status an
 * acting role gets. Everything else follows from ACTIONS[name].who, as `authorize` reads it.
 */
import type { ACTIONS, FormActionName } from '../../../domain/case/actions';
import type { ActionName } from '../../../domain/case/payloads';
import type { TestOrg } from '../../helpers/fixtures';
import type { Fixture } from './stage-paths';

export type ActingRole = 'prosecutor' | 'head' | 'chief';
type Who = (typeof ACTIONS)[ActionName]['who'];

/** The acting roles each kind of action admits (the prosecutor as the case's handler; no delegation). */
export const ADMITS: Record<Who, ActingRole[]> = {
  handler: ['prosecutor', 'head'],
  decision: ['chief'],
  chief: ['chief'],
  head: ['head'],
  supervisor: ['head', 'chief'],
  staff: ['prosecutor', 'head', 'chief'],
  overseer: ['prosecutor', 'head', 'chief'],
  organ: [],
  contributor: ['prosecutor', 'head', 'chief'],
};

export interface ActionCell {
  fixture: Fixture;
  body: (org: TestOrg, today: string) => object;
  /** Statuses the action's rule gives an acting role that its kind admits. */
  rule?: Partial<Record<ActingRole, number>>;
}

const decided = (_o: TestOrg, today: string) => ({ approve: true, decidedOn: today, reason: '同意' });
const chiefDecision = (_o: TestOrg, today: string) => ({ decidedOn: today, reason: '依法决定' });
const rec1 = { recommendationId: 'rec-1' };

/** The actions with an `/actions/…` route (attachEvidence is sent by the evidence upload). */
export const ACTION_CELLS: Record<FormActionName, ActionCell> = {
  startEvaluation: { fixture: 'lead', body: () => ({ note: '开始评估' }) },
  proposeFiling: { fixture: 'lead', body: () => ({ reason: '线索查证属实' }) },
  flagMajorLead: { fixture: 'lead', body: (_o, d) => ({ flaggedOn: d, reason: '涉及饮用水水源地' }) },
  recordMajorLeadReported: { fixture: 'majorLead', body: (_o, d) => ({ reportedOn: d }) },
  recordTransferOut: {
    fixture: 'investigation',
    body: (_o, d) => ({
      to: 'administrative_organ',
      recipient: '某区市场监督管理局',
      transferredOn: d,
      summary: '移送违法线索',
    }),
  },
  // The matrix's procuratorate waives head review: no proposal waits for one, so the head is told so.
  reviewProposal: {
    fixture: 'filingProposed',
    body: (_o, d) => ({ approve: true, reviewedOn: d, reasons: '同意' }),
    rule: { head: 409 },
  },
  decideFiling: { fixture: 'filingProposed', body: decided },
  recordFilingService: { fixture: 'filed', body: (o, d) => ({ servedOn: d, organIds: [o.organs.eco] }) },
  recordInvestigation: { fixture: 'filed', body: (_o, d) => ({ on: d, summary: '调查取证' }) },
  recordConsultation: {
    fixture: 'filed',
    body: (o, d) => ({ heldOn: d, organId: o.organs.eco, outcome: 'organ_will_rectify', summary: '磋商' }),
  },
  proposeRecommendation: {
    fixture: 'investigation',
    body: (o) => ({
      reason: '行政机关未依法履职',
      recommendations: [
        { organId: o.organs.eco, rectificationPeriod: { unit: 'months', count: 2 }, summary: '依法履职' },
      ],
    }),
  },
  decideRecommendation: { fixture: 'recommendationProposed', body: decided },
  recordRecommendationService: {
    fixture: 'recommendation',
    body: (_o, d) => ({ ...rec1, servedOn: d, receivedOn: d }),
  },
  recordRecommendationFiledAbove: { fixture: 'served', body: (_o, d) => ({ ...rec1, filedOn: d }) },
  recordReply: {
    fixture: 'served',
    body: (_o, d) => ({ ...rec1, repliedOn: d, claim: 'rectified', summary: '已整改' }),
  },
  recordFinding: {
    fixture: 'replied',
    body: (_o, d) => ({ ...rec1, checkedOn: d, result: 'rectified', summary: '整改到位' }),
  },
  proposeLitigation: { fixture: 'review', body: (o) => ({ reason: '整改不到位', organIds: [o.organs.eco] }) },
  decideLitigation: { fixture: 'litigationProposed', body: decided },
  recordCourtFiling: {
    fixture: 'litigation',
    body: (_o, d) => ({ court: '某区人民法院', filedOn: d, servedOn: d }),
  },
  recordComplaintReportedAbove: { fixture: 'courtFiled', body: (_o, d) => ({ reportedOn: d }) },
  recordJudgment: {
    fixture: 'courtFiled',
    body: (_o, d) => ({ kind: 'ruling', decidedOn: d, servedOn: d, outcome: 'dismissed', summary: '驳回' }),
  },
  recordAppeal: { fixture: 'judgment', body: (_o, d) => ({ appealedBy: 'procuratorate', filedOn: d }) },
  proposeClaimChange: {
    fixture: 'courtFiled',
    body: () => ({ change: 'withdraw', ground: 'organ_performed', reason: '诉讼请求全部实现' }),
  },
  decideClaimChange: { fixture: 'claimChangeProposed', body: decided },
  recordClaimChangeFiled: { fixture: 'claimChangeDecided', body: (_o, d) => ({ filedOn: d }) },
  recordAppealCopyReceived: { fixture: 'appealed', body: (_o, d) => ({ receivedOn: d }) },
  recordAppealReportedAbove: { fixture: 'appealCopy', body: (_o, d) => ({ reportedOn: d }) },
  recordEnforcement: { fixture: 'enforcement', body: (_o, d) => ({ completedOn: d, summary: '执行完毕' }) },
  recordRevisit: {
    fixture: 'closed',
    body: (_o, d) => ({ checkedOn: d, result: 'sustained', summary: '未反弹' }),
  },
  terminate: { fixture: 'filed', body: (o, d) => ({ ...chiefDecision(o, d), ground: 'no_violation' }) },
  suspend: { fixture: 'review', body: chiefDecision },
  resume: { fixture: 'suspended', body: chiefDecision },
  recordSuspensionFiledAbove: { fixture: 'suspended', body: (_o, d) => ({ filedOn: d }) },
  // The lead's evaluation clock is an internal target: only a head or the chief may extend it.
  // No fixture case has an extension recorded without its date: the chief is refused for the case's state.
  dateExtension: {
    fixture: 'review',
    body: (_o, d) => ({ clockKey: 'litigation_review_admin', extension: 1, decidedOn: d, reason: '补记' }),
    rule: { chief: 409 },
  },
  extendDeadline: {
    fixture: 'lead',
    body: () => ({
      clockKey: 'lead_evaluation',
      by: { unit: 'days', count: 10 },
      basis: '线索复杂',
      reason: '需补充材料',
    }),
    rule: { prosecutor: 403 },
  },
  addExcludedDays: {
    fixture: 'filed',
    body: (_o, d) => ({ clockKey: 'investigation', kind: 'appraisal', from: d, to: d, note: '司法鉴定' }),
  },
  startAppraisal: {
    fixture: 'filed',
    body: (_o, d) => ({ clockKey: 'investigation', kind: 'appraisal', startedOn: d, note: '司法鉴定' }),
  },
  // Offered only while an appraisal runs: with none, the roles it admits are refused (409).
  endAppraisal: {
    fixture: 'filed',
    body: (_o, d) => ({ clockKey: 'investigation', endedOn: d }),
    rule: { prosecutor: 409, head: 409 },
  },
  // Decided only on the organ's request, which no fixture has made: the roles it admits get 409.
  decideRectificationExtension: {
    fixture: 'recommendation',
    body: () => ({ ...rec1, decision: 'refused', reason: '理由不充分' }),
    rule: { prosecutor: 409, head: 409 },
  },
  reassign: { fixture: 'lead', body: (o) => ({ handlerId: o.head.id, reason: '工作调整' }) },
  addNote: { fixture: 'lead', body: () => ({ text: '与行政机关电话沟通' }) },
  markTypical: { fixture: 'lead', body: () => ({ typical: true, reason: '以案释法' }) },
  // Escalations are offered only a week after an organ's clock ran out, which a run cannot wait
  // for: with none pending, the roles it admits are refused for the case's state (409).
  proposeEscalation: {
    fixture: 'lead',
    body: (_o, d) => ({ clockKey: 'reply:rec-1', step: 'report_above', proposedOn: d, note: '逾期未回复' }),
    rule: { head: 409 },
  },
  confirmEscalation: {
    fixture: 'lead',
    body: (_o, d) => ({ clockKey: 'reply:rec-1', step: 'report_above', confirmedOn: d, note: '报告上级院' }),
    rule: { head: 409, chief: 409 },
  },
  publishAnnouncement: {
    fixture: 'civilInvestigation',
    body: (_o, d) => ({ publishedOn: d, medium: '检察日报' }),
  },
  recordAnnouncementOutcome: {
    fixture: 'announcement',
    body: (_o, d) => ({ on: d, outcome: 'sued_by_other', plaintiff: '某环保公益组织' }),
  },
  recordSupportConcluded: {
    fixture: 'support',
    body: (_o, d) => ({ on: d, result: 'upheld', summary: '支持起诉结束' }),
  },
  recordCivilParty: {
    fixture: 'civilInvestigation',
    body: (_o, d) => ({
      name: '某化工有限公司',
      kind: 'legal_person',
      identifier: '91310000MA1FL0000X',
      recordedOn: d,
    }),
  },
  recordSupport: {
    fixture: 'support',
    body: (_o, d) => ({
      supportedOn: d,
      court: '某市中级人民法院',
      forms: ['legal_advice'],
      summary: '提供法律咨询',
    }),
  },
  // A suit recorded in the civil litigation review, which a case reaches 30 days after its
  // announcement: on the announcement fixture every role the action admits is refused for the stage.
  recordPlaintiffSuit: {
    fixture: 'announcement',
    body: (_o, d) => ({ suedOn: d, plaintiff: '某环保公益组织', court: '某市中级人民法院', support: true }),
    rule: { prosecutor: 409, head: 409 },
  },
  withdrawSupport: {
    fixture: 'support',
    body: (_o, d) => ({ decidedOn: d, situation: 'excessive_costs', reason: '律师费过高' }),
  },
  recordSupportWithdrawalDelivered: { fixture: 'supportWithdrawn', body: (_o, d) => ({ deliveredOn: d }) },
  recordRightHolderNotified: {
    fixture: 'announcement',
    body: (_o, d) => ({ notifiedOn: d, rightHolder: '某市生态环境局' }),
  },
  recordCompensationOutcome: {
    fixture: 'rightHolderNotified',
    body: (_o, d) => ({ on: d, outcome: 'settled', summary: '达成赔偿协议' }),
  },
  linkCriminalCase: {
    fixture: 'civilInvestigation',
    body: (_o, d) => ({
      caseNumber: '（2025）沪0115刑初123号',
      court: '上海市浦东新区人民法院',
      defendants: '王某',
      linkedOn: d,
    }),
  },
  // No fixture case is linked to a criminal case, nor in 英雄烈士保护: every role the actions admit
  // is refused for the case's state.
  recordIncidentalSuitFiled: {
    fixture: 'litigation',
    body: (_o, d) => ({ filedOn: d, servedOn: d }),
    rule: { prosecutor: 409, head: 409 },
  },
  inquireRelatives: {
    fixture: 'civilInvestigation',
    body: (_o, d) => ({ inquiredOn: d, relatives: '烈士之子张某' }),
    rule: { prosecutor: 409, head: 409 },
  },
  recordNoCloseRelatives: {
    fixture: 'civilInvestigation',
    body: (_o, d) => ({ recordedOn: d, summary: '经民政部门核实，烈士没有近亲属' }),
    rule: { prosecutor: 409, head: 409 },
  },
  recordRelativesAnswer: {
    fixture: 'civilInvestigation',
    body: (_o, d) => ({ on: d, answer: 'relatives_not_suing', summary: '不起诉' }),
    rule: { prosecutor: 409, head: 409 },
  },
  // A fixture case has no alert to acknowledge: every role it admits is refused for the case's state.
  acknowledgeAlert: {
    fixture: 'lead',
    body: () => ({ at: '2026-01-01T00:00:00.000Z', kind: 'action_refused', subject: 'addNote' }),
    rule: { prosecutor: 409, head: 409, chief: 409 },
  },
};
