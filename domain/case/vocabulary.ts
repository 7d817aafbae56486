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
 * 《人民检察院公益诉讼办案规则》第八十二条: the seven situations in which an organ is found not to
 * have performed its duties, in the article's order and words; a finding of non-performance names
 * at least one.
 */
export const NON_PERFORMANCE_REASONS = {
  no_reply_no_action: '逾期不回复检察建议，也没有采取有效整改措施',
  measures_not_implemented: '已经制定整改措施，但没有实质性执行',
  replied_without_action: '虽按期回复，但未采取整改措施或者仅采取部分整改措施',
  criminal_case_duty_remains:
    '违法行为人已经被追究刑事责任或者案件已经移送刑事司法机关处理，但行政机关仍应当继续依法履行职责',
  obstacle_removed_not_resumed: '因客观障碍导致整改方案难以按期执行，但客观障碍消除后未及时恢复整改',
  measures_unlawful: '整改措施违反法律法规规定',
  other: '其他不依法履行职责的情形',
} as const;
export type NonPerformanceReason = keyof typeof NON_PERFORMANCE_REASONS;

/**
 * Two situations an earlier list of the product offered that art. 82 does not contain. Findings
 * recorded under them keep their key (timeline, database, saved histories) and read with this
 * label; no new finding may name them.
 */
export const LEGACY_NON_PERFORMANCE_REASONS = {
  violator_gone_harm_continues: '（旧版列表）违法主体消失，但违法状态或者损害后果仍在持续',
  harm_persists: '（旧版列表）违法状态消除，但国家利益或者社会公共利益受侵害的后果仍然存在',
} as const;

/**
 * 《人民检察院公益诉讼办案规则》第四十七条: the litigation review starts when the rectification period
 * ends, so non-performance is found after it, except where the organ cannot rectify in it any more.
 */
export const EARLY_FINDING_GROUNDS = {
  organ_refused: '行政机关明确拒绝整改',
  reply_period_passed: '回复期限届满未回复',
} as const;
export type EarlyFindingGround = keyof typeof EARLY_FINDING_GROUNDS;

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

/**
 * 《人民检察院公益诉讼办案规则》第七十四条: the situations in which an administrative case is
 * ended (终结案件), in the article's order.
 */
export const ADMIN_TERMINATION_GROUNDS = {
  no_violation: '行政机关未违法行使职权或者不作为',
  interest_protected: '国家利益或者社会公共利益已经得到有效保护',
  fully_rectified: '行政机关已经全面采取整改措施依法履行职责',
  other: '其他应当终结案件的情形',
} as const;

/** 《人民检察院公益诉讼办案规则》第九十条: the situations in which a civil case is ended, in order. */
export const CIVIL_TERMINATION_GROUNDS = {
  no_unlawful_act: '不存在违法行为',
  compensation_settled:
    '生态环境损害赔偿权利人与赔偿义务人经磋商达成赔偿协议，或者已经提起生态环境损害赔偿诉讼',
  relatives_object: '英雄烈士等的近亲属不同意人民检察院提起公益诉讼',
  other_plaintiff_sued: '相关公益诉讼权利主体已经提起诉讼',
  public_interest_protected: '社会公共利益已经得到有效保护',
  other: '其他应当终结案件的情形',
} as const;

/**
 * The 审查终结报告's third outcome (Rules art. 79(三) administrative, art. 94(三) civil): the review
 * ends here and the case goes to another procuratorate.
 */
export const TRANSFER_ON_REVIEW = { transferred: '移送其他人民检察院处理' } as const;

/** Every ground a termination may name; which apply depends on the track and the stage. */
export const TERMINATION_GROUNDS = {
  ...ADMIN_TERMINATION_GROUNDS,
  ...CIVIL_TERMINATION_GROUNDS,
  ...TRANSFER_ON_REVIEW,
} as const;
export type TerminationGround = keyof typeof TERMINATION_GROUNDS;

/** Who a civil case is brought against (民事公益诉讼的被告): a company or other organisation, or a person. */
export const PARTY_KINDS = {
  legal_person: '法人',
  unincorporated_organisation: '非法人组织',
  natural_person: '自然人',
} as const;
export type PartyKind = keyof typeof PARTY_KINDS;

/** 《人民检察院公益诉讼办案规则》第一百零一条: the ways the procuratorate supports a suit (支持起诉). */
export const SUPPORT_FORMS = {
  legal_advice: '提供法律咨询',
  support_opinion: '提交支持起诉意见书',
  evidence_gathering: '协助调查取证',
  court_appearance: '出席法庭',
} as const;
export type SupportForm = keyof typeof SUPPORT_FORMS;

/**
 * How a suit brought by a qualified organ or organisation ended. Where the plaintiff withdrew or
 * was found to lack standing, nobody has sued for the public interest: the case returns to the
 * procuratorate's own litigation review.
 */
export const SUPPORTED_SUIT_RESULTS = {
  upheld: '支持诉讼请求',
  partially_upheld: '部分支持',
  mediated: '调解或和解结案',
  dismissed: '驳回诉讼请求',
  plaintiff_withdrew: '起诉的机关或组织撤回起诉',
  no_standing: '起诉的机关或组织不具备原告资格，起诉被驳回',
} as const;
export type SupportedSuitResult = keyof typeof SUPPORTED_SUIT_RESULTS;
export const SUIT_RESULTS_BACK_TO_REVIEW: readonly SupportedSuitResult[] = [
  'plaintiff_withdrew',
  'no_standing',
];

/** What the procuratorate asks of the court after suing (《人民检察院公益诉讼办案规则》第八十四条、第九十九条). */
export const CLAIM_CHANGES = {
  withdraw: '撤回起诉',
  amend: '变更诉讼请求',
} as const;
export type ClaimChange = keyof typeof CLAIM_CHANGES;

/**
 * Why the claim is withdrawn or changed, in the Rules' words and order: art. 84 (administrative —
 * the organ performed and every claim is met, so the suit is withdrawn; or, where truly needed, the
 * claim is changed to a confirmation that the act was unlawful), art. 99 (civil — the defendant
 * corrected the unlawful act or performed its obligation and every claim is met), then a
 * court-mediated settlement and any other situation.
 */
export const CLAIM_CHANGE_GROUNDS = {
  organ_performed: '行政机关已经依法履行职责而全部实现诉讼请求（第八十四条）',
  confirm_illegal:
    '行政机关已经依法履行职责而全部实现诉讼请求，确有必要变更诉讼请求，请求判决确认行政行为违法（第八十四条）',
  defendant_complied: '被告纠正违法行为或者依法履行义务而使人民检察院的诉讼请求全部实现（第九十九条）',
  mediation_settled: '经人民法院主持调解达成调解协议',
  other: '其他需要撤回起诉或者变更诉讼请求的情形',
} as const;

/**
 * Two grounds an earlier list of the product offered that are not the Rules' words (the second, a
 * partly met claim, is in neither article). Proposals recorded under them keep their key (timeline,
 * saved histories) and read with this label; no new proposal may name them.
 */
export const LEGACY_CLAIM_CHANGE_GROUNDS = {
  claims_realized: '（旧版列表）被告纠正违法行为、依法履行职责或者履行义务，诉讼请求全部实现',
  claims_partly_realized: '（旧版列表）诉讼请求部分实现，需要变更诉讼请求',
} as const;

/** Every ground a recorded claim change may carry, with its label. */
export const CLAIM_CHANGE_GROUND_LABELS = {
  ...CLAIM_CHANGE_GROUNDS,
  ...LEGACY_CLAIM_CHANGE_GROUNDS,
} as const;
export type ClaimChangeGround = keyof typeof CLAIM_CHANGE_GROUND_LABELS;

/** 《人民检察院公益诉讼办案规则》第一百零二条: the situations in which support for a suit is withdrawn, in order. */
export const SUPPORT_WITHDRAWAL_SITUATIONS = {
  claims_dropped: '原告无正当理由变更、撤回部分诉讼请求，致使社会公共利益不能得到有效保护',
  withdrawn_or_settled: '原告撤回起诉或者与被告达成和解协议，致使社会公共利益不能得到有效保护',
  excessive_costs: '原告请求被告承担的律师费以及为诉讼支出的其他费用过高，对社会公共利益保护产生明显不利影响',
  other: '其他不适合支持起诉的情形',
} as const;
export type SupportWithdrawalSituation = keyof typeof SUPPORT_WITHDRAWAL_SITUATIONS;

/**
 * How the 生态环境损害赔偿 procedure the announcement told the right-holder of ended: a settlement
 * or the right-holder's own suit ends the case (Rules art. 90(二)); a failed consultation with no
 * suit leads to the litigation review (art. 96(一)).
 */
export const COMPENSATION_OUTCOMES = {
  settled: '赔偿权利人与赔偿义务人经磋商达成赔偿协议',
  right_holder_sued: '赔偿权利人已经提起生态环境损害赔偿诉讼',
  consultation_failed: '磋商未达成一致，赔偿权利人又不提起诉讼',
} as const;
export type CompensationOutcome = keyof typeof COMPENSATION_OUTCOMES;

/**
 * What the close relatives of a hero or martyr answered when asked whether they will sue (Rules
 * art. 92; 两高解释 art. 13 para. 2): a suit of theirs is supported; an objection to the
 * procuratorate's suit ends the case (art. 90(三)); no suit of theirs, or no answer within the
 * waiting period, leads to the procuratorate's own review (art. 96(三)).
 */
export const RELATIVES_ANSWERS = {
  relatives_sued: '近亲属已经提起诉讼',
  relatives_object: '近亲属不同意人民检察院提起公益诉讼',
  relatives_not_suing: '近亲属不提起诉讼',
  no_answer: '征询期满，近亲属未答复',
} as const;
export type RelativesAnswer = keyof typeof RELATIVES_ANSWERS;
