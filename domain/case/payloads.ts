/**
 * What each staff action carries: one strict schema per action (unknown fields are refused). The
 * API validates request bodies with it, the workflow's validator and handler parse the update's
 * payload with it, and the rules receive its parsed type. Dates are civil dates (Asia/Shanghai).
 */
import { z } from 'zod';
import { civilDate, identifier, optionalText, text } from '../text';
import { ALERT_KINDS, ESCALATION_LADDER } from './model';
import {
  CLAIM_CHANGE_GROUNDS,
  CLAIM_CHANGES,
  COMPENSATION_OUTCOMES,
  EARLY_FINDING_GROUNDS,
  EXCLUSION_KINDS,
  keysOf,
  LEGACY_CLAIM_CHANGE_GROUNDS,
  LEGACY_NON_PERFORMANCE_REASONS,
  NON_PERFORMANCE_REASONS,
  PARTY_KINDS,
  RELATIVES_ANSWERS,
  SUPPORTED_SUIT_RESULTS,
  SUPPORT_FORMS,
  SUPPORT_WITHDRAWAL_SITUATIONS,
  TERMINATION_GROUNDS,
  TRANSFER_TARGETS,
} from './vocabulary';

export {
  EXCLUSION_KINDS,
  NON_PERFORMANCE_REASONS,
  TRANSFER_TARGETS,
  type NonPerformanceReason,
} from './vocabulary';

const period = z.strictObject({
  unit: z.enum(['days', 'months']).describe('days 日，months 月'),
  count: z.number().int().min(1).max(120).describe('长度'),
});
const decision = z.strictObject({
  approve: z.boolean().describe('true 同意，false 不同意'),
  decidedOn: civilDate.describe('决定日期'),
  reason: text('决定理由', 2000),
});
const dated = (what: string, reason: string) =>
  z.strictObject({ decidedOn: civilDate.describe(what), reason: text(reason, 2000) });
const organIds = (label: string) => z.array(identifier(label)).max(20);
/** A proposal made before the case came into duban (补录): its real date; left out, today. */
const proposedOn = civilDate.optional().describe('提请日期（补录既往案件时填写；缺省为今天）');

const recommendation = z.strictObject({
  organId: identifier('被建议的行政机关 ID'),
  urgent: z.boolean().default(false).describe('损害继续扩大等紧急情形：回复期限 15 日'),
  rectificationPeriod: period.describe('检察建议书载明的整改期限'),
  summary: text('建议内容', 10_000),
  // The parts of the 检察建议书 (Rules art. 75) beyond the organ, the source and the period; each
  // left out is taken from the case (the lead's facts, the proposal's reason, the domain's basis,
  // the summary's lines).
  harmFacts: optionalText('国家利益或者社会公共利益受到侵害的事实', 10_000).optional(),
  nonPerformance: optionalText('认定行政机关不依法履行职责的事实和理由', 10_000).optional(),
  legalBasis: optionalText('提出检察建议的法律依据', 2000).optional(),
  items: optionalText('建议的具体内容（每行一项，逐项编号）', 10_000).optional(),
  otherMatters: optionalText('其他事项', 2000).optional(),
});

/** The organ's answer to one numbered item of its recommendation. */
export const itemAnswer = z.strictObject({
  item: z.number().int().min(1).max(100).describe('建议事项序号'),
  answer: z
    .enum(['accepted', 'in_progress', 'disputed'])
    .describe(
      'accepted 采纳并已整改，in_progress 正在整改（须填写计划和起止日期），disputed 有异议（须说明理由）',
    ),
  plan: optionalText('整改计划', 5000).optional(),
  startsOn: civilDate.optional().describe('整改开始日期'),
  endsOn: civilDate.optional().describe('整改完成日期'),
  reasons: optionalText('异议理由', 5000).optional(),
});

const extendDeadline = z
  .strictObject({
    clockKey: identifier('期限标识，如 litigation_review_admin'),
    by: period.optional().describe('延长的期间'),
    until: civilDate.optional().describe('延长至'),
    basis: text('延长依据', 500),
    reason: text('延长理由', 2000),
    superiorApprovalRef: optionalText('上级院批准文号（超出检察长权限时必填）', 200).optional(),
  })
  .refine((p) => (p.by === undefined) !== (p.until === undefined), {
    message: '请填写延长的期间或延长至的日期（二者选一）',
    path: ['by'],
  });

/** 撤回起诉 or 变更诉讼请求 proposed on a ground of `grounds` (Rules arts. 84, 99). */
const claimChange = <K extends string>(grounds: readonly [K, ...K[]]) =>
  z.strictObject({
    change: z.enum(keysOf(CLAIM_CHANGES)).describe('withdraw 撤回起诉，amend 变更诉讼请求'),
    ground: z
      .enum(grounds)
      .describe(
        '依据：organ_performed 行政机关已经依法履行职责而全部实现诉讼请求（第八十四条，撤回起诉），confirm_illegal 确有必要的，变更诉讼请求，请求判决确认行政行为违法（第八十四条），defendant_complied 被告纠正违法行为或者依法履行义务而使诉讼请求全部实现（第九十九条），mediation_settled 经人民法院主持调解达成调解协议，other 其他',
      ),
    claims: optionalText('变更后的诉讼请求（变更诉讼请求时填写）', 10_000).optional(),
    reason: text('提请理由', 2000),
  });

const finding = <K extends string>(reasons: readonly [K, ...K[]]) =>
  z.strictObject({
    recommendationId: identifier('检察建议编号'),
    checkedOn: civilDate.describe('跟进调查日期'),
    result: z.enum(['rectified', 'partially_rectified', 'not_rectified', 'no_reply']).describe('认定结果'),
    reasons: z.array(z.enum(reasons)).max(reasons.length).default([]).describe('《办案规则》第八十二条情形'),
    earlyGround: z
      .enum(keysOf(EARLY_FINDING_GROUNDS))
      .optional()
      .describe(
        '整改期满前认定未依法履职的依据：organ_refused 行政机关明确拒绝整改，reply_period_passed 回复期限届满未回复',
      ),
    summary: text('跟进调查情况', 10_000),
  });

const suitResult = z
  .enum(keysOf(SUPPORTED_SUIT_RESULTS))
  .describe('诉讼结果（撤回起诉或不具备原告资格的，案件回到审查起诉）');
const supportConcluded = <R extends z.ZodType>(result: R) =>
  z.strictObject({ on: civilDate.describe('结束日期'), result, summary: text('支持起诉情况', 10_000) });

const ACTION_SCHEMA_BUILDERS = {
  startEvaluation: () => z.strictObject({ note: optionalText('备注', 2000).optional() }),
  proposeFiling: () => z.strictObject({ reason: text('提请立案理由', 2000), proposedOn }),
  decideFiling: () => decision,
  reviewProposal: () =>
    z.strictObject({
      approve: z.boolean().describe('true 审核同意，报请决定；false 退回提请人'),
      reviewedOn: civilDate.describe('审核日期'),
      reasons: text('审核意见（退回时写明理由）', 2000),
    }),
  recordFilingService: () =>
    z.strictObject({
      servedOn: civilDate.describe('送达日期'),
      organIds: organIds('行政机关 ID').min(1, '请选择送达的行政机关'),
    }),
  recordInvestigation: () =>
    z.strictObject({
      on: civilDate.describe('调查日期'),
      summary: text('调查情况', 10_000),
    }),
  recordConsultation: () =>
    z.strictObject({
      heldOn: civilDate.describe('磋商日期'),
      organId: identifier('行政机关 ID'),
      outcome: z.enum(['organ_will_rectify', 'already_rectified', 'no_agreement']).describe('磋商结果'),
      summary: text('磋商情况', 10_000),
    }),
  proposeRecommendation: () =>
    z.strictObject({
      reason: text('提请理由', 2000),
      recommendations: z.array(recommendation).min(1).max(20).describe('被建议的行政机关（1 至 20 个）'),
      proposedOn,
    }),
  decideRecommendation: () => decision,
  recordRecommendationService: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号，如 rec-1'),
      servedOn: civilDate.describe('送达日期'),
      receivedOn: civilDate.describe('行政机关签收日期（回复期限自签收起算）'),
    }),
  recordRecommendationFiledAbove: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      filedOn: civilDate.describe('备案日期'),
    }),
  recordReply: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      repliedOn: civilDate.describe('回复日期'),
      claim: z
        .enum(['rectified', 'partially_rectified', 'in_progress', 'refused'])
        .describe('回复所称整改情况'),
      summary: text('回复内容', 10_000),
    }),
  recordFinding: () => finding(keysOf(NON_PERFORMANCE_REASONS)),
  proposeLitigation: () =>
    z.strictObject({
      reason: text('提请理由', 2000),
      organIds: organIds('被诉行政机关 ID').default([]),
      proposedOn,
      partyIds: z
        .array(identifier('被告编号'))
        .max(20)
        .default([])
        .describe('民事公益诉讼的被告（须先登记）'),
    }),
  decideLitigation: () => decision,
  recordCourtFiling: () =>
    z.strictObject({
      court: text('受理法院', 200),
      filedOn: civilDate.describe('起诉日期'),
      servedOn: civilDate.describe('起诉书送达法院日期'),
    }),
  recordComplaintReportedAbove: () => z.strictObject({ reportedOn: civilDate.describe('报送上级院日期') }),
  recordJudgment: () =>
    z.strictObject({
      kind: z.enum(['judgment', 'ruling']).describe('judgment 判决，ruling 裁定'),
      decidedOn: civilDate.describe('裁判日期'),
      servedOn: civilDate.describe('裁判文书送达日期'),
      outcome: z.enum(['upheld', 'partially_upheld', 'dismissed', 'withdrawn']).describe('裁判结果'),
      summary: text('裁判要旨', 10_000),
    }),
  recordAppeal: () =>
    z.strictObject({
      appealedBy: z.enum(['procuratorate', 'defendant']).describe('上诉方'),
      filedOn: civilDate.describe('上诉日期'),
    }),
  proposeClaimChange: () => claimChange(keysOf(CLAIM_CHANGE_GROUNDS)),
  decideClaimChange: () => decision,
  recordClaimChangeFiled: () =>
    z.strictObject({
      filedOn: civilDate.describe('决定书提交人民法院的日期'),
      documentRef: optionalText('决定书文号', 200).optional(),
    }),
  withdrawSupport: () =>
    z.strictObject({
      decidedOn: civilDate.describe('决定撤回支持起诉的日期'),
      situation: z
        .enum(keysOf(SUPPORT_WITHDRAWAL_SITUATIONS))
        .describe(
          '《办案规则》第一百零二条的情形：claims_dropped 原告无正当理由变更、撤回部分诉讼请求，withdrawn_or_settled 原告撤回起诉或者与被告达成和解协议，excessive_costs 律师费等费用过高，other 其他不适合支持起诉的情形',
        ),
      reason: text('撤回理由', 2000),
    }),
  recordSupportWithdrawalDelivered: () =>
    z.strictObject({
      deliveredOn: civilDate.describe('撤回支持起诉决定书提交人民法院并发送原告的日期'),
      documentRef: optionalText('决定书文号', 200).optional(),
    }),
  recordAppealCopyReceived: () =>
    z.strictObject({
      receivedOn: civilDate.describe('收到被告上诉状副本的日期'),
    }),
  recordAppealReportedAbove: () =>
    z.strictObject({
      reportedOn: civilDate.describe('上诉情况报告上一级检察院的日期'),
      reportRef: optionalText('报告文号', 200).optional(),
    }),
  recordEnforcement: () =>
    z.strictObject({
      completedOn: civilDate.describe('执行完毕日期'),
      summary: text('执行情况', 10_000),
    }),
  recordRevisit: () =>
    z.strictObject({
      checkedOn: civilDate.describe('回头看日期'),
      result: z.enum(['sustained', 'rebound']).describe('sustained 未反弹，rebound 反弹'),
      organIds: organIds('反弹的行政机关 ID').default([]),
      summary: text('回头看情况', 10_000),
    }),
  terminate: () =>
    z.strictObject({
      decidedOn: civilDate.describe('终结日期'),
      reason: text('终结理由', 2000),
      // Optional in the schema so that terminations recorded before it replay; the rule requires it.
      ground: z
        .enum(keysOf(TERMINATION_GROUNDS))
        .optional()
        .describe(
          '终结的情形：行政案件依《办案规则》第七十四条（no_violation、interest_protected、fully_rectified、other），民事案件依第九十条（no_unlawful_act、compensation_settled、relatives_object、other_plaintiff_sued、public_interest_protected、other）；审查起诉阶段可 transferred 移送其他人民检察院处理（第七十九条第三项、第九十四条第三项）',
        ),
      transferredTo: optionalText('接收案件的人民检察院（移送时填写）', 200).optional(),
    }),
  suspend: () => dated('中止日期', '中止理由'),
  resume: () => dated('恢复日期', '恢复理由'),
  recordSuspensionFiledAbove: () =>
    z.strictObject({
      filedOn: civilDate.describe('中止审查决定书报上一级检察院备案的日期'),
      reportRef: optionalText('备案文号', 200).optional(),
    }),
  extendDeadline: () => extendDeadline,
  dateExtension: () =>
    z.strictObject({
      clockKey: identifier('期限标识，如 litigation_review_admin'),
      extension: z.number().int().min(1).max(100).describe('第几次延长（自 1 起，按批准的先后）'),
      decidedOn: civilDate.describe('该次延长的决定日期'),
      reason: text('补记依据（如延长决定书的日期）', 2000),
    }),
  addExcludedDays: () =>
    z.strictObject({
      clockKey: identifier('期限标识'),
      kind: z.enum(keysOf(EXCLUSION_KINDS)).describe('鉴定、评估、审计、检验、检测、翻译'),
      from: civilDate.describe('开始日期'),
      to: civilDate.describe('结束日期'),
      note: optionalText('说明', 2000).default(''),
    }),
  startAppraisal: () =>
    z.strictObject({
      clockKey: identifier('期限标识'),
      kind: z.enum(keysOf(EXCLUSION_KINDS)).describe('鉴定、评估、审计、检验、检测、翻译'),
      startedOn: civilDate.describe('开始日期（期限自该日停止计算）'),
      note: optionalText('说明', 2000).default(''),
    }),
  endAppraisal: () =>
    z.strictObject({
      clockKey: identifier('期限标识'),
      endedOn: civilDate.describe('结束日期（期限自该日恢复计算）'),
    }),
  reassign: () =>
    z.strictObject({ handlerId: identifier('新承办人用户 ID'), reason: text('更换理由', 2000) }),
  addNote: () => z.strictObject({ text: text('备注', 5000) }),
  attachEvidence: () =>
    z.strictObject({
      file: z.strictObject({
        id: identifier('文件编号'),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/, '须为 64 位十六进制 SHA-256')
          .describe('文件内容的 SHA-256'),
        size: z.number().int().min(0).describe('字节数'),
        mediaType: identifier('文件类型（按内容识别）'),
        name: text('文件名', 255),
        source: z.enum(['upload', 'public_lead']).describe('upload 上传，public_lead 群众举报线索的附件'),
        publicLeadId: identifier('群众举报线索编号').optional(),
      }),
      recommendationId: identifier('检察建议编号').optional(),
      actionSeq: z.number().int().min(1).optional().describe('所附的时间线条目（办理操作）序号'),
      supersedes: identifier('被替代的文件编号').optional(),
      reason: optionalText('替代理由', 2000).optional(),
    }),
  recordOrganAccess: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      event: z
        .enum(['code_sent', 'signed_in', 'code_refused'])
        .describe('code_sent 已向联系人发送验证码，signed_in 凭验证码进入，code_refused 验证码错误或过期'),
    }),
  confirmReceiptOnline: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      confirmedBy: text('确认签收人姓名', 100),
    }),
  answerRecommendationItems: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      answers: z.array(itemAnswer).min(1).max(100).describe('逐项答复'),
    }),
  reportRectificationProgress: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      asOf: civilDate.describe('进展截至日期（不晚于今日）'),
      progress: text('整改进展', 5000),
    }),
  requestRectificationExtension: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      until: civilDate.describe('申请延长至的日期（须晚于现在的整改期限）'),
      reasons: text('申请延期的理由', 5000),
    }),
  decideRectificationExtension: () =>
    z.strictObject({
      recommendationId: identifier('检察建议编号'),
      decision: z.enum(['granted', 'refused']).describe('granted 准予延期，refused 不准延期'),
      until: civilDate
        .optional()
        .describe('准予延长至的日期（缺省为行政机关申请的日期；须晚于现在的整改期限）'),
      reason: text('决定理由', 2000),
    }),
  flagMajorLead: () =>
    z.strictObject({
      flaggedOn: civilDate.describe('认定为重大线索的日期'),
      reason: text('认定为重大线索的理由', 2000),
    }),
  recordMajorLeadReported: () =>
    z.strictObject({
      reportedOn: civilDate.describe('报上一级检察院的日期'),
      reportRef: optionalText('报告文号', 200).optional(),
    }),
  recordTransferOut: () =>
    z.strictObject({
      to: z
        .enum(keysOf(TRANSFER_TARGETS))
        .describe(
          '移送对象：discipline_commission 纪检监察机关，other_procuratorate 其他人民检察院，administrative_organ 行政机关',
        ),
      recipient: text('接收单位名称', 200),
      transferredOn: civilDate.describe('移送日期'),
      letterRef: optionalText('移送函文号', 200).optional(),
      summary: text('移送内容', 2000),
    }),
  markTypical: () =>
    z.strictObject({ typical: z.boolean().describe('是否典型案例'), reason: text('理由', 2000) }),
  proposeEscalation: () =>
    z.strictObject({
      clockKey: identifier('期限标识'),
      step: z.enum(ESCALATION_LADDER).describe('提请检察长决定的督促措施'),
      proposedOn: civilDate.describe('提请日期'),
      note: text('提请理由', 2000),
    }),
  confirmEscalation: () =>
    z.strictObject({
      clockKey: identifier('期限标识'),
      step: z
        .enum(ESCALATION_LADDER)
        .describe(
          '督促措施：report_above 报告上级院，notify_superior_organ 通报被建议单位的上级机关或主管部门，report_congress 报告同级人大，notify_government 通报同级政府，notify_discipline 通报纪检监察机关',
        ),
      confirmedOn: civilDate.describe('确认日期'),
      note: text('说明', 2000),
    }),
  publishAnnouncement: () =>
    z.strictObject({
      publishedOn: civilDate.describe('公告日期'),
      medium: text('公告媒体', 200),
      contactPhone: optionalText('联系电话（载于诉前公告）', 50).optional(),
    }),
  recordAnnouncementOutcome: () =>
    z.strictObject({
      on: civilDate.describe('登记日期'),
      outcome: z.enum(['sued_by_other', 'nobody_sued']).describe('公告结果'),
      plaintiff: optionalText('起诉的机关或组织', 200).optional(),
    }),
  recordRightHolderNotified: () =>
    z.strictObject({
      notifiedOn: civilDate.describe('告知赔偿权利人启动生态环境损害赔偿程序的日期'),
      rightHolder: text('生态环境损害赔偿权利人', 200),
    }),
  recordCompensationOutcome: () =>
    z.strictObject({
      on: civilDate.describe('登记日期'),
      outcome: z
        .enum(keysOf(COMPENSATION_OUTCOMES))
        .describe(
          '生态环境损害赔偿程序结果：settled 磋商达成赔偿协议，right_holder_sued 赔偿权利人提起诉讼，consultation_failed 磋商未达成一致且赔偿权利人不起诉',
        ),
      summary: text('情况说明', 10_000),
    }),
  recordSupportConcluded: () => supportConcluded(suitResult),
  recordCivilParty: () =>
    z.strictObject({
      name: text('被告名称或姓名', 200),
      kind: z.enum(keysOf(PARTY_KINDS)).describe('被告类型'),
      identifier: text('统一社会信用代码或身份证件号码', 50),
      recordedOn: civilDate.describe('登记日期'),
    }),
  recordSupport: () =>
    z.strictObject({
      supportedOn: civilDate.describe('支持起诉日期'),
      court: text('受理法院', 200),
      forms: z
        .array(z.enum(keysOf(SUPPORT_FORMS)))
        .min(1, '请选择支持起诉的方式')
        .max(4)
        .describe('支持起诉的方式（《办案规则》第一百零一条）'),
      summary: text('支持起诉情况', 10_000),
    }),
  recordPlaintiffSuit: () =>
    z.strictObject({
      suedOn: civilDate.describe('起诉日期'),
      plaintiff: text('起诉的机关或组织', 200),
      court: text('受理法院', 200),
      support: z
        .boolean()
        .describe(
          '是：转入支持起诉阶段；否：由检察长以“相关公益诉讼权利主体已经提起诉讼”终结（第九十条第四项）',
        ),
    }),
  linkCriminalCase: () =>
    z.strictObject({
      caseNumber: text('刑事案件案号', 100),
      court: text('审理刑事案件的人民法院', 200),
      defendants: text('刑事案件的被告人（每行一名）', 2000),
      linkedOn: civilDate.describe('登记日期'),
    }),
  recordIncidentalSuitFiled: () =>
    z.strictObject({
      filedOn: civilDate.describe('提起公诉并一并提起附带民事公益诉讼的日期'),
      servedOn: civilDate.describe('起诉书送达人民法院日期'),
    }),
  inquireRelatives: () =>
    z.strictObject({
      inquiredOn: civilDate.describe('征询日期'),
      relatives: text('征询的近亲属（姓名及与英雄烈士的关系）', 2000),
    }),
  recordNoCloseRelatives: () =>
    z.strictObject({
      recordedOn: civilDate.describe('登记日期'),
      summary: text('情况说明（如何查明英雄烈士等没有近亲属）', 10_000),
    }),
  recordRelativesAnswer: () =>
    z.strictObject({
      on: civilDate.describe('登记日期'),
      answer: z
        .enum(keysOf(RELATIVES_ANSWERS))
        .describe(
          '近亲属意见：relatives_sued 近亲属已经提起诉讼，relatives_object 不同意人民检察院提起公益诉讼，relatives_not_suing 不提起诉讼，no_answer 征询期满未答复',
        ),
      plaintiff: optionalText('起诉的近亲属（近亲属已经提起诉讼时填写）', 200).optional(),
      summary: text('情况说明', 10_000),
    }),
  acknowledgeAlert: () =>
    z.strictObject({
      at: identifier('告警时间（告警的 at）'),
      kind: z.enum(ALERT_KINDS).describe('告警种类'),
      subject: identifier('告警事项（告警的 subject）'),
      note: optionalText('确认说明', 2000).optional(),
      resend: z.boolean().default(false).describe('重新发送本案未能发出的邮件（仅用于“邮件未能发送”的告警）'),
    }),
};

/**
 * One strict schema per action, built the first time it is read. Every case workflow evaluates
 * this module afresh (a new case, and an evicted one brought back), and building all of them took
 * most of that workflow's first task (about 20 ms of CPU with its garbage), where a case reads one
 * or two; the API and the import read them all, as before.
 */
export const ACTION_SCHEMAS = builtOnFirstUse(ACTION_SCHEMA_BUILDERS);

export type ActionName = keyof typeof ACTION_SCHEMA_BUILDERS;

/** The recorded schemas that differ from today's (RECORDED_SCHEMAS). */
const RECORDED_SCHEMA_BUILDERS: Partial<Record<ActionName, () => z.ZodType>> = {
  recordFinding: () =>
    finding([...keysOf(NON_PERFORMANCE_REASONS), ...keysOf(LEGACY_NON_PERFORMANCE_REASONS)] as const),
  proposeClaimChange: () =>
    claimChange([...keysOf(CLAIM_CHANGE_GROUNDS), ...keysOf(LEGACY_CLAIM_CHANGE_GROUNDS)] as const),
  // Conclusions of a supported suit recorded before its result was asked for have none.
  recordSupportConcluded: () => supportConcluded(suitResult.optional()),
};

/**
 * The schemas an action already in a case's history is read with: today's, except that a finding
 * may name a reason of the earlier list (LEGACY_NON_PERFORMANCE_REASONS) and a claim change a
 * ground of the earlier list (LEGACY_CLAIM_CHANGE_GROUNDS), which today's schemas refuse for a new
 * action, and the end of a supported suit may lack its result.
 */
export const RECORDED_SCHEMAS: { [N in ActionName]: z.ZodType } = builtOnFirstUse(
  Object.fromEntries(
    (Object.keys(ACTION_SCHEMA_BUILDERS) as ActionName[]).map((name) => [
      name,
      RECORDED_SCHEMA_BUILDERS[name] ?? ((): z.ZodType => ACTION_SCHEMAS[name]),
    ]),
  ) as { [N in ActionName]: () => z.ZodType },
);

/** A table whose every entry is built when first read, then kept (enumerable like a plain object's). */
function builtOnFirstUse<T extends Record<string, () => unknown>>(
  builders: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const table = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(builders) as (keyof T & string)[]) {
    Object.defineProperty(table, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]!();
        Object.defineProperty(table, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return table;
}
/** The parsed payload of each action: what the rules receive. */
export type Payloads = { [N in ActionName]: z.output<(typeof ACTION_SCHEMAS)[N]> };
/** What a client sends for each action (defaults not yet applied). */
export type PayloadInputs = { [N in ActionName]: z.input<(typeof ACTION_SCHEMAS)[N]> };
