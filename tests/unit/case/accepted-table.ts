/**
 * For every staff action: a point where it is allowed, the actor who takes it, a valid payload,
 * and what it must do — the stage it leaves the case in, its clock operations, its timeline data.
 */
import type { ActionName, Payloads } from '../../../domain/case/payloads';
import type { ClockOp } from '../../../domain/case/rules/common';
import type { Stage } from '../../../domain/case/stages';
import { D, type Point } from './points';
import { ACTORS, ORGANS, type ActorName } from './story';

export interface Accepted<N extends ActionName> {
  at: Point;
  by: ActorName;
  payload: Payloads[N];
  stage: Stage;
  ops: ClockOp[];
  data: Record<string, unknown>;
}

const meet = (key: string, on: string): ClockOp => ({ op: 'meet', key, on });
const recompute = (key: string): ClockOp => ({ op: 'recompute', key });

export const ACCEPTED: { [N in ActionName]: Accepted<N> } = {
  startEvaluation: {
    at: 'LEAD',
    by: 'prosecutor',
    payload: {},
    stage: 'EVALUATION',
    ops: [],
    data: { note: null },
  },
  proposeFiling: {
    at: 'LEAD',
    by: 'prosecutor',
    payload: { reason: '线索查证属实' },
    stage: 'EVALUATION',
    ops: [],
    data: { reason: '线索查证属实' },
  },
  decideFiling: {
    at: 'FILING_PROPOSED',
    by: 'chief',
    payload: { approve: true, decidedOn: D.filed, reason: '符合立案条件' },
    stage: 'FILED',
    ops: [
      meet('lead_evaluation', D.filed),
      { op: 'start', key: 'filing_service', clockId: 'filing_service', start: D.filed },
      { op: 'start', key: 'investigation', clockId: 'investigation', start: D.filed },
    ],
    data: { approve: true, decidedOn: D.filed },
  },
  recordFilingService: {
    at: 'FILED',
    by: 'prosecutor',
    payload: { servedOn: '2025-03-11', organIds: [ORGANS.eco] },
    stage: 'FILED',
    ops: [meet('filing_service', '2025-03-11')],
    data: { servedOn: '2025-03-11', organIds: [ORGANS.eco] },
  },
  recordInvestigation: {
    at: 'FILED',
    by: 'prosecutor',
    payload: { on: D.investigated, summary: '现场勘查' },
    stage: 'INVESTIGATION',
    ops: [],
    data: { on: D.investigated, summary: '现场勘查' },
  },
  recordConsultation: {
    at: 'FILED',
    by: 'prosecutor',
    payload: { heldOn: D.investigated, organId: ORGANS.eco, outcome: 'organ_will_rectify', summary: '磋商' },
    stage: 'INVESTIGATION',
    ops: [],
    data: { heldOn: D.investigated, organId: ORGANS.eco, outcome: 'organ_will_rectify', summary: '磋商' },
  },
  proposeRecommendation: {
    at: 'INVESTIGATION',
    by: 'prosecutor',
    payload: {
      reason: '行政机关未依法履职',
      recommendations: [
        {
          organId: ORGANS.eco,
          urgent: false,
          rectificationPeriod: { unit: 'months', count: 2 },
          summary: '查处',
        },
        {
          organId: ORGANS.market,
          urgent: true,
          rectificationPeriod: { unit: 'days', count: 30 },
          summary: '监管',
        },
      ],
    },
    stage: 'INVESTIGATION',
    ops: [],
    data: { reason: '行政机关未依法履职', organIds: [ORGANS.eco, ORGANS.market], urgent: [false, true] },
  },
  decideRecommendation: {
    at: 'RECOMMENDATION_PROPOSED',
    by: 'chief',
    payload: { approve: true, decidedOn: D.recommended, reason: '同意' },
    stage: 'RECOMMENDATION',
    ops: [
      {
        op: 'start',
        key: 'recommendation_service:rec-1',
        clockId: 'recommendation_service',
        start: D.recommended,
        recommendationId: 'rec-1',
      },
      meet('investigation', D.recommended),
    ],
    data: { approve: true, decidedOn: D.recommended, recommendationIds: ['rec-1'] },
  },
  recordRecommendationService: {
    at: 'RECOMMENDATION',
    by: 'prosecutor',
    payload: { recommendationId: 'rec-1', servedOn: D.served, receivedOn: D.received2 },
    stage: 'RECOMMENDATION',
    ops: [
      meet('recommendation_service:rec-1', D.served),
      {
        op: 'start',
        key: 'recommendation_filing_above:rec-1',
        clockId: 'recommendation_filing_above',
        start: D.served,
        recommendationId: 'rec-1',
      },
      {
        op: 'start',
        key: 'reply:rec-1',
        clockId: 'reply',
        start: D.received2,
        recommendationId: 'rec-1',
        urgent: false,
      },
      {
        op: 'start',
        key: 'rectification:rec-1',
        clockId: 'rectification',
        start: D.received2,
        recommendationId: 'rec-1',
        length: { unit: 'months', count: 2 },
      },
    ],
    data: { recommendationId: 'rec-1', organId: ORGANS.eco, servedOn: D.served, receivedOn: D.received2 },
  },
  recordRecommendationFiledAbove: {
    at: 'SERVED',
    by: 'prosecutor',
    payload: { recommendationId: 'rec-1', filedOn: '2025-03-27' },
    stage: 'RECOMMENDATION',
    ops: [meet('recommendation_filing_above:rec-1', '2025-03-27')],
    data: { recommendationId: 'rec-1', filedOn: '2025-03-27' },
  },
  recordReply: {
    at: 'SERVED',
    by: 'prosecutor',
    payload: { recommendationId: 'rec-1', repliedOn: D.replied, claim: 'rectified', summary: '已整改' },
    stage: 'FOLLOW_UP',
    ops: [meet('reply:rec-1', D.replied)],
    data: {
      recommendationId: 'rec-1',
      repliedOn: D.replied,
      onTime: true,
      claim: 'rectified',
      summary: '已整改',
    },
  },
  recordFinding: {
    at: 'FOLLOW_UP',
    by: 'prosecutor',
    payload: {
      recommendationId: 'rec-1',
      checkedOn: D.found,
      result: 'rectified',
      reasons: [],
      summary: '到位',
    },
    stage: 'CLOSED',
    ops: [
      meet('rectification:rec-1', D.found),
      { op: 'start', key: 'revisit', clockId: 'revisit', start: D.found },
    ],
    data: {
      recommendationId: 'rec-1',
      organId: ORGANS.eco,
      checkedOn: D.found,
      result: 'rectified',
      reasons: [],
    },
  },
  proposeLitigation: {
    at: 'LITIGATION_REVIEW',
    by: 'prosecutor',
    payload: { reason: '拒不整改', organIds: [ORGANS.eco] },
    stage: 'LITIGATION_REVIEW',
    ops: [],
    data: { reason: '拒不整改', organIds: [ORGANS.eco] },
  },
  decideLitigation: {
    at: 'LITIGATION_PROPOSED',
    by: 'chief',
    payload: { approve: true, decidedOn: D.suedDecided, reason: '起诉' },
    stage: 'LITIGATION',
    ops: [meet('litigation_review_admin', D.suedDecided)],
    data: { approve: true, decidedOn: D.suedDecided, organIds: [ORGANS.eco] },
  },
  recordCourtFiling: {
    at: 'LITIGATION',
    by: 'prosecutor',
    payload: { court: '某区人民法院', filedOn: D.courtFiled, servedOn: D.courtServed },
    stage: 'LITIGATION',
    ops: [
      { op: 'start', key: 'complaint_report_above', clockId: 'complaint_report_above', start: D.courtServed },
    ],
    data: { court: '某区人民法院', filedOn: D.courtFiled, servedOn: D.courtServed },
  },
  recordComplaintReportedAbove: {
    at: 'COURT_FILED',
    by: 'prosecutor',
    payload: { reportedOn: '2025-06-30' },
    stage: 'LITIGATION',
    ops: [meet('complaint_report_above', '2025-06-30')],
    data: { reportedOn: '2025-06-30' },
  },
  recordJudgment: {
    at: 'COURT_FILED',
    by: 'prosecutor',
    payload: {
      kind: 'ruling',
      decidedOn: D.judged,
      servedOn: D.judgmentServed,
      outcome: 'dismissed',
      summary: '驳回',
    },
    stage: 'JUDGMENT',
    ops: [{ op: 'start', key: 'appeal', clockId: 'appeal_ruling', start: D.judgmentServed }],
    data: {
      kind: 'ruling',
      decidedOn: D.judged,
      servedOn: D.judgmentServed,
      outcome: 'dismissed',
      instance: 1,
    },
  },
  recordAppeal: {
    at: 'JUDGMENT',
    by: 'prosecutor',
    payload: { appealedBy: 'defendant', filedOn: '2025-08-10' },
    stage: 'LITIGATION',
    ops: [meet('appeal', '2025-08-10')],
    data: { appealedBy: 'defendant', filedOn: '2025-08-10' },
  },
  recordEnforcement: {
    at: 'ENFORCEMENT',
    by: 'prosecutor',
    payload: { completedOn: '2025-10-15', summary: '已履行' },
    stage: 'CLOSED',
    ops: [{ op: 'start', key: 'revisit', clockId: 'revisit', start: '2025-10-15' }],
    data: { completedOn: '2025-10-15', summary: '已履行' },
  },
  recordRevisit: {
    at: 'REVISIT',
    by: 'prosecutor',
    payload: { checkedOn: '2025-12-15', result: 'sustained', organIds: [], summary: '未反弹' },
    stage: 'ARCHIVED',
    ops: [
      meet('revisit', '2025-12-15'),
      { op: 'cancel', key: 'filing_service' },
      { op: 'cancel', key: 'recommendation_filing_above:rec-1' },
    ],
    data: { checkedOn: '2025-12-15', result: 'sustained', summary: '未反弹' },
  },
  terminate: {
    at: 'INVESTIGATION',
    by: 'chief',
    payload: { decidedOn: '2025-03-14', reason: '公益损害已消除' },
    stage: 'TERMINATED',
    ops: [
      { op: 'cancel', key: 'filing_service' },
      { op: 'cancel', key: 'investigation' },
    ],
    data: { decidedOn: '2025-03-14' },
  },
  suspend: {
    at: 'FOLLOW_UP',
    by: 'chief',
    payload: { decidedOn: '2025-04-20', reason: '客观原因' },
    stage: 'SUSPENDED',
    ops: [
      recompute('filing_service'),
      recompute('recommendation_filing_above:rec-1'),
      recompute('rectification:rec-1'),
    ],
    data: { decidedOn: '2025-04-20' },
  },
  resume: {
    at: 'SUSPENDED',
    by: 'chief',
    payload: { decidedOn: '2025-05-20', reason: '障碍消除' },
    stage: 'FOLLOW_UP',
    ops: [
      recompute('filing_service'),
      recompute('recommendation_filing_above:rec-1'),
      recompute('rectification:rec-1'),
    ],
    data: { decidedOn: '2025-05-20' },
  },
  extendDeadline: {
    at: 'LITIGATION_REVIEW',
    by: 'chief',
    payload: {
      clockKey: 'litigation_review_admin',
      by: { unit: 'months', count: 1 },
      basis: '《人民检察院公益诉讼办案规则》第四十七条',
      reason: '案情复杂',
    },
    stage: 'LITIGATION_REVIEW',
    ops: [recompute('litigation_review_admin')],
    data: { clockKey: 'litigation_review_admin', by: { unit: 'months', count: 1 }, until: null },
  },
  addExcludedDays: {
    at: 'LITIGATION_REVIEW',
    by: 'prosecutor',
    payload: {
      clockKey: 'litigation_review_admin',
      kind: 'appraisal',
      from: '2025-06-11',
      to: '2025-06-20',
      note: '',
    },
    stage: 'LITIGATION_REVIEW',
    ops: [recompute('litigation_review_admin')],
    data: { clockKey: 'litigation_review_admin', kind: 'appraisal', kindLabel: '鉴定', days: 10 },
  },
  reassign: {
    at: 'INVESTIGATION',
    by: 'head',
    payload: { handlerId: ACTORS.otherProsecutor.userId, reason: '工作调整' },
    stage: 'INVESTIGATION',
    ops: [],
    data: { from: ACTORS.prosecutor.userId, to: ACTORS.otherProsecutor.userId },
  },
  addNote: {
    at: 'LEAD',
    by: 'prosecutor',
    payload: { text: '已电话联系举报人' },
    stage: 'LEAD',
    ops: [],
    data: { text: '已电话联系举报人' },
  },
  markTypical: {
    at: 'CLOSED',
    by: 'head',
    payload: { typical: true, reason: '以案释法' },
    stage: 'CLOSED',
    ops: [],
    data: { typical: true },
  },
  confirmEscalation: {
    at: 'ESCALATED',
    by: 'head',
    payload: { clockKey: 'reply:rec-1', step: 'report_above', confirmedOn: '2025-06-05', note: '已报告' },
    stage: 'FOLLOW_UP',
    ops: [],
    data: { clockKey: 'reply:rec-1', step: 'report_above', confirmedOn: '2025-06-05', note: '已报告' },
  },
  acknowledgeAlert: {
    at: 'ALERTED',
    by: 'prosecutor',
    payload: {
      at: '2025-03-04T02:00:00.000Z',
      kind: 'action_refused',
      subject: 'addNote',
      note: '已重新添加备注',
      resend: false,
    },
    stage: 'LEAD',
    ops: [],
    data: {
      alert: { at: '2025-03-04T02:00:00.000Z', kind: 'action_refused', subject: 'addNote' },
      note: '已重新添加备注',
    },
  },
  publishAnnouncement: {
    at: 'CIVIL_INVESTIGATION',
    by: 'prosecutor',
    payload: { publishedOn: D.published, medium: '正义网' },
    stage: 'ANNOUNCEMENT',
    ops: [
      meet('investigation', D.published),
      { op: 'start', key: 'announcement', clockId: 'announcement', start: D.published },
    ],
    data: { publishedOn: D.published, medium: '正义网' },
  },
  recordAnnouncementOutcome: {
    at: 'ANNOUNCEMENT',
    by: 'prosecutor',
    payload: { on: '2025-09-20', outcome: 'sued_by_other', plaintiff: '某环保协会' },
    stage: 'SUPPORT',
    ops: [meet('announcement', '2025-09-20')],
    data: { on: '2025-09-20', outcome: 'sued_by_other', plaintiff: '某环保协会' },
  },
  recordSupportConcluded: {
    at: 'SUPPORT',
    by: 'prosecutor',
    payload: { on: '2025-11-20', summary: '法院判决支持诉请' },
    stage: 'CLOSED',
    ops: [{ op: 'start', key: 'revisit', clockId: 'revisit', start: '2025-11-20' }],
    data: { on: '2025-11-20', summary: '法院判决支持诉请' },
  },
};
