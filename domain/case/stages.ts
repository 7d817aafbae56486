/** Stages of a case (DOMAIN.md "Two tracks"). Identifiers are wire contracts. */
export const STAGES = [
  'LEAD',
  'EVALUATION',
  'REJECTED',
  'FILED',
  'INVESTIGATION',
  'RECOMMENDATION',
  'FOLLOW_UP',
  'ANNOUNCEMENT',
  'SUPPORT',
  'LITIGATION_REVIEW',
  'LITIGATION',
  'JUDGMENT',
  'ENFORCEMENT',
  'CLOSED',
  'REVISIT',
  'ARCHIVED',
  'TERMINATED',
  'SUSPENDED',
] as const;

export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  LEAD: '线索登记',
  EVALUATION: '线索评估',
  REJECTED: '不予立案',
  FILED: '已立案',
  INVESTIGATION: '调查',
  RECOMMENDATION: '诉前检察建议',
  FOLLOW_UP: '跟进监督',
  ANNOUNCEMENT: '诉前公告',
  SUPPORT: '支持起诉',
  LITIGATION_REVIEW: '审查起诉',
  LITIGATION: '提起诉讼',
  JUDGMENT: '裁判',
  ENFORCEMENT: '执行',
  CLOSED: '结案',
  REVISIT: '回头看',
  ARCHIVED: '归档',
  TERMINATED: '终结审查',
  SUSPENDED: '中止审查',
};

/** Stages after which nothing more happens on the case. */
export const FINAL_STAGES: readonly Stage[] = ['REJECTED', 'TERMINATED', 'ARCHIVED'];

export function isFinalStage(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}

export const TRACKS = ['administrative', 'civil'] as const;
export type Track = (typeof TRACKS)[number];

export const LEAD_SOURCES = {
  self_discovered: '自行发现',
  public_report: '群众举报',
  department_transfer: '部门移送',
  criminal_case: '刑事案件中发现',
  deputy_referral: '人大代表、政协委员转交',
  assigned_from_above: '上级交办',
  media: '媒体报道',
} as const;
export type LeadSource = keyof typeof LEAD_SOURCES;
