/** What each staff action carries. Dates are civil dates (YYYY-MM-DD, Asia/Shanghai). */
import type { CivilDate } from '../period/dates';
import type { PeriodLength } from '../period/request';
import type { FindingResult, ReplyClaim } from './model';

export interface Payloads {
  startEvaluation: { note?: string };
  proposeFiling: { reason: string };
  decideFiling: { approve: boolean; decidedOn: CivilDate; reason: string };
  recordFilingService: { servedOn: CivilDate; organIds: string[] };
  recordInvestigation: { on: CivilDate; summary: string };
  recordConsultation: {
    heldOn: CivilDate;
    organId: string;
    outcome: 'organ_will_rectify' | 'already_rectified' | 'no_agreement';
    summary: string;
  };
  proposeRecommendation: {
    reason: string;
    recommendations: {
      organId: string;
      urgent: boolean;
      rectificationPeriod: PeriodLength;
      summary: string;
    }[];
  };
  decideRecommendation: { approve: boolean; decidedOn: CivilDate; reason: string };
  recordRecommendationService: { recommendationId: string; servedOn: CivilDate; receivedOn: CivilDate };
  recordRecommendationFiledAbove: { recommendationId: string; filedOn: CivilDate };
  recordReply: { recommendationId: string; repliedOn: CivilDate; claim: ReplyClaim; summary: string };
  recordFinding: {
    recommendationId: string;
    checkedOn: CivilDate;
    result: FindingResult;
    reasons: string[];
    summary: string;
  };
  proposeLitigation: { reason: string; organIds: string[] };
  decideLitigation: { approve: boolean; decidedOn: CivilDate; reason: string };
  recordCourtFiling: { court: string; filedOn: CivilDate; servedOn: CivilDate };
  recordComplaintReportedAbove: { reportedOn: CivilDate };
  recordJudgment: {
    kind: 'judgment' | 'ruling';
    decidedOn: CivilDate;
    servedOn: CivilDate;
    outcome: 'upheld' | 'partially_upheld' | 'dismissed' | 'withdrawn';
    summary: string;
  };
  recordAppeal: { appealedBy: 'procuratorate' | 'defendant'; filedOn: CivilDate };
  recordEnforcement: { completedOn: CivilDate; summary: string };
  recordRevisit: {
    checkedOn: CivilDate;
    result: 'sustained' | 'rebound';
    organIds: string[];
    summary: string;
  };
  terminate: { decidedOn: CivilDate; reason: string };
  suspend: { decidedOn: CivilDate; reason: string };
  resume: { decidedOn: CivilDate; reason: string };
  extendDeadline: {
    clockKey: string;
    by?: PeriodLength;
    until?: CivilDate;
    basis: string;
    reason: string;
    superiorApprovalRef?: string;
  };
  addExcludedDays: {
    clockKey: string;
    kind: 'appraisal' | 'evaluation' | 'audit' | 'inspection' | 'testing' | 'translation';
    from: CivilDate;
    to: CivilDate;
    note: string;
  };
  reassign: { handlerId: string; reason: string };
  addNote: { text: string };
  markTypical: { typical: boolean; reason: string };
  confirmEscalation: {
    clockKey: string;
    step: 'report_above' | 'report_congress' | 'notify_discipline';
    confirmedOn: CivilDate;
    note: string;
  };
  publishAnnouncement: { publishedOn: CivilDate; medium: string };
  recordAnnouncementOutcome: { on: CivilDate; outcome: 'sued_by_other' | 'nobody_sued'; plaintiff?: string };
  recordSupportConcluded: { on: CivilDate; summary: string };
}

export type ActionName = keyof Payloads;

export const EXCLUSION_KINDS: Record<Payloads['addExcludedDays']['kind'], string> = {
  appraisal: '鉴定',
  evaluation: '评估',
  audit: '审计',
  inspection: '检验',
  testing: '检测',
  translation: '翻译',
};

/**
 * 《人民检察院公益诉讼办案规则》第八十二条: the situations in which an organ is found not to
 * have performed its duties; a finding of non-performance names at least one.
 */
export const NON_PERFORMANCE_REASONS = {
  no_reply_no_action: '逾期不回复检察建议，也没有采取有效整改措施',
  measures_not_implemented: '已经制定整改措施，但没有实质性执行',
  replied_without_action: '虽按期回复，但未采取整改措施或者仅采取部分整改措施',
  violator_gone_harm_continues: '违法主体消失，但违法状态或者损害后果仍在持续',
  harm_persists: '违法状态消除，但国家利益或者社会公共利益受侵害的后果仍然存在',
  other: '其他不依法履行职责的情形',
} as const;
export type NonPerformanceReason = keyof typeof NON_PERFORMANCE_REASONS;
