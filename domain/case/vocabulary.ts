/** Closed lists the actions choose from, with their legal wording (no zod: the web app imports these). */

/** 《人民检察院公益诉讼办案规则》第四十八条: periods not counted in the review or investigation period. */
export const EXCLUSION_KINDS = {
  appraisal: '鉴定',
  evaluation: '评估',
  audit: '审计',
  inspection: '检验',
  testing: '检测',
  translation: '翻译',
} as const;
export type ExclusionKind = keyof typeof EXCLUSION_KINDS;

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

/**
 * Where a lead or case is transferred (移送) when another body must act on it: a clue of a duty
 * crime or misconduct to the discipline and supervision commission, a case outside this
 * procuratorate's jurisdiction to the one that has it, an administrative violation to the organ.
 */
export const TRANSFER_TARGETS = {
  discipline_commission: '纪检监察机关',
  other_procuratorate: '其他人民检察院',
  administrative_organ: '行政机关',
} as const;
export type TransferTarget = keyof typeof TRANSFER_TARGETS;

export const keysOf = <T extends object>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];
