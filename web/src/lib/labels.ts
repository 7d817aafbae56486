/** Chinese names of the wire identifiers; stages, roles and lead sources come from domain/. */
import { LEAD_SOURCES, STAGE_LABELS, type Stage } from '../../../domain/case/stages';
import {
  CLAIM_CHANGE_GROUND_LABELS,
  CLAIM_CHANGES,
  COMPENSATION_OUTCOMES,
  RELATIVES_ANSWERS,
  EARLY_FINDING_GROUNDS,
  EXCLUSION_KINDS,
  LEGACY_NON_PERFORMANCE_REASONS,
  NON_PERFORMANCE_REASONS,
  PARTY_KINDS,
  SUPPORTED_SUIT_RESULTS,
  SUPPORT_FORMS,
  SUPPORT_WITHDRAWAL_SITUATIONS,
  TRANSFER_TARGETS,
} from '../../../domain/case/vocabulary';
import { ROLE_LABELS, type Role } from '../../../domain/roles';

export { EXCLUSION_KINDS, LEAD_SOURCES, NON_PERFORMANCE_REASONS, ROLE_LABELS, STAGE_LABELS };

export const stageLabel = (s: string) => STAGE_LABELS[s as Stage] ?? s;
export const roleLabel = (r: string) => ROLE_LABELS[r as Role] ?? r;
export const sourceLabel = (s: string) => (LEAD_SOURCES as Record<string, string>)[s] ?? s;

export const TRACK_LABELS: Record<string, string> = {
  administrative: '行政公益诉讼',
  civil: '民事公益诉讼',
};

export const CLOCK_STATUS: Record<string, string> = {
  running: '计算中',
  met: '已按期完成',
  expired: '已届满',
  cancelled: '已撤销',
  suspended: '中止',
};

export const RECOMMENDATION_STATUS: Record<string, string> = {
  proposed: '提请中',
  approved: '已决定发出',
  served: '已送达，等待回复',
  replied: '已回复',
  reply_overdue: '逾期未回复',
  rebound: '回头看反弹',
  settled: '已办结',
};

/** Labels of enum values in the action forms and in the records they produce. */
export const ENUM_LABELS: Record<string, string> = {
  days: '日',
  months: '个月',
  organ_will_rectify: '行政机关承诺整改',
  already_rectified: '已经整改',
  no_agreement: '未达成一致',
  rectified: '已整改到位',
  partially_rectified: '部分整改',
  in_progress: '正在整改',
  refused: '拒绝整改',
  not_rectified: '未整改',
  no_reply: '未回复',
  non_performance: '不依法履职',
  superseded: '整改反弹，已再次提出检察建议',
  judgment: '判决',
  ruling: '裁定',
  withdrawn: '撤诉',
  procuratorate: '检察院',
  defendant: '被告',
  sustained: '未反弹',
  rebound: '反弹',
  report_above: '报告上级检察院',
  report_congress: '报告人大',
  notify_superior_organ: '通报上级机关或主管部门',
  notify_government: '通报同级政府',
  notify_discipline: '通报纪委监委',
  sued_by_other: '有适格主体起诉',
  nobody_sued: '无适格主体起诉',
  administrative: '行政公益诉讼',
  civil: '民事公益诉讼',
  filing: '立案',
  recommendation: '发出检察建议',
  litigation: '提起诉讼',
  claim_change: '撤回起诉或变更诉讼请求',
  district: '各级检察院均可办理',
  city: '设区的市级以上检察院办理',
  ...EXCLUSION_KINDS,
  ...TRANSFER_TARGETS,
  ...LEAD_SOURCES,
  ...ROLE_LABELS,
  ...NON_PERFORMANCE_REASONS,
  ...LEGACY_NON_PERFORMANCE_REASONS,
  ...EARLY_FINDING_GROUNDS,
  ...PARTY_KINDS,
  ...SUPPORT_FORMS,
  ...SUPPORTED_SUIT_RESULTS,
  ...CLAIM_CHANGES,
  ...CLAIM_CHANGE_GROUND_LABELS,
  ...SUPPORT_WITHDRAWAL_SITUATIONS,
  ...COMPENSATION_OUTCOMES,
  ...RELATIVES_ANSWERS,
  // Several lists end with their own 其他 situation; one value, one label.
  other: '其他情形',
};

export const enumLabel = (v: string) => ENUM_LABELS[v] ?? v;

/** Timeline entries that are not staff actions (those carry the action's own label). */
export const TIMELINE_KINDS: Record<string, string> = {
  lead_registered: '登记线索',
  stage_changed: '阶段变更',
  clock_started: '期限开始计算',
  clock_met: '期限内完成',
  clock_expired: '期限届满',
  clock_changed: '期限变更',
  clocks_recomputed: '期限重新计算',
  escalation_suggested: '建议采取督促措施',
  reminder: '发送提醒',
  lead_ack: '发送登记回执',
  document_drafted: '生成文书草稿',
  document_issued: '签发法律文书',
  document_revised: '修改文书草稿',
  // Recorded through the case's actions but not offered as a form (the evidence panel adds them).
  attachEvidence: '添加证据材料',
};

export const EXPLANATION_KINDS: Record<string, string> = {
  start: '起算',
  raw_end: '期间届满',
  rollover: '节假日顺延',
  makeup_rule: '调休规则',
  provisional: '暂定',
  excluded: '扣除期间',
  exclusion: '扣除期间',
  extension: '延长',
  suspension: '中止',
  resumption: '恢复',
};
