/** Request bodies of the staff actions, one strict schema per action (unknown fields are refused). */
import { z } from 'zod';
import type { ActionName } from '../../domain/case/payloads';
import { EXCLUSION_KINDS, NON_PERFORMANCE_REASONS } from '../../domain/case/payloads';
import { civilDate } from '../validation';

const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
const id = (what: string) => z.string().trim().min(1).max(100).describe(what);
const period = z.strictObject({
  unit: z.enum(['days', 'months']).describe('days 日，months 月'),
  count: z.number().int().min(1).max(120).describe('长度'),
});
const decision = z.strictObject({
  approve: z.boolean().describe('true 同意，false 不同意'),
  decidedOn: civilDate.describe('决定日期'),
  reason: text(2000, '决定理由'),
});
const dated = (field: string, what: string) =>
  z.strictObject({ [field]: civilDate.describe(what), reason: text(2000, '理由') });

export const ACTION_BODIES = {
  startEvaluation: z.strictObject({ note: z.string().trim().max(2000).optional().describe('备注') }),
  proposeFiling: z.strictObject({ reason: text(2000, '提请立案理由') }),
  decideFiling: decision,
  recordFilingService: z.strictObject({
    servedOn: civilDate.describe('送达日期'),
    organIds: z.array(id('行政机关 ID')).min(1).max(20),
  }),
  recordInvestigation: z.strictObject({
    on: civilDate.describe('调查日期'),
    summary: text(10_000, '调查情况'),
  }),
  recordConsultation: z.strictObject({
    heldOn: civilDate.describe('磋商日期'),
    organId: id('行政机关 ID'),
    outcome: z.enum(['organ_will_rectify', 'already_rectified', 'no_agreement']).describe('磋商结果'),
    summary: text(10_000, '磋商情况'),
  }),
  proposeRecommendation: z.strictObject({
    reason: text(2000, '提请理由'),
    recommendations: z
      .array(
        z.strictObject({
          organId: id('被建议的行政机关 ID'),
          urgent: z.boolean().default(false).describe('损害继续扩大等紧急情形：回复期限 15 日'),
          rectificationPeriod: period.describe('检察建议书载明的整改期限'),
          summary: text(10_000, '建议内容'),
        }),
      )
      .min(1)
      .max(20),
  }),
  decideRecommendation: decision,
  recordRecommendationService: z.strictObject({
    recommendationId: id('检察建议编号，如 rec-1'),
    servedOn: civilDate.describe('送达日期'),
    receivedOn: civilDate.describe('行政机关签收日期（回复期限自签收起算）'),
  }),
  recordRecommendationFiledAbove: z.strictObject({
    recommendationId: id('检察建议编号'),
    filedOn: civilDate.describe('备案日期'),
  }),
  recordReply: z.strictObject({
    recommendationId: id('检察建议编号'),
    repliedOn: civilDate.describe('回复日期'),
    claim: z
      .enum(['rectified', 'partially_rectified', 'in_progress', 'refused'])
      .describe('回复所称整改情况'),
    summary: text(10_000, '回复内容'),
  }),
  recordFinding: z.strictObject({
    recommendationId: id('检察建议编号'),
    checkedOn: civilDate.describe('跟进调查日期'),
    result: z.enum(['rectified', 'partially_rectified', 'not_rectified', 'no_reply']).describe('认定结果'),
    reasons: z
      .array(z.enum(Object.keys(NON_PERFORMANCE_REASONS) as [keyof typeof NON_PERFORMANCE_REASONS]))
      .max(6)
      .default([])
      .describe('《办案规则》第八十二条情形'),
    summary: text(10_000, '跟进调查情况'),
  }),
  proposeLitigation: z.strictObject({
    reason: text(2000, '提请理由'),
    organIds: z.array(id('被诉行政机关 ID')).max(20).default([]),
  }),
  decideLitigation: decision,
  recordCourtFiling: z.strictObject({
    court: text(200, '受理法院'),
    filedOn: civilDate.describe('起诉日期'),
    servedOn: civilDate.describe('起诉书送达法院日期'),
  }),
  recordComplaintReportedAbove: z.strictObject({ reportedOn: civilDate.describe('报送上级院日期') }),
  recordJudgment: z.strictObject({
    kind: z.enum(['judgment', 'ruling']).describe('judgment 判决，ruling 裁定'),
    decidedOn: civilDate.describe('裁判日期'),
    servedOn: civilDate.describe('裁判文书送达日期'),
    outcome: z.enum(['upheld', 'partially_upheld', 'dismissed', 'withdrawn']).describe('裁判结果'),
    summary: text(10_000, '裁判要旨'),
  }),
  recordAppeal: z.strictObject({
    appealedBy: z.enum(['procuratorate', 'defendant']),
    filedOn: civilDate.describe('上诉日期'),
  }),
  recordEnforcement: z.strictObject({
    completedOn: civilDate.describe('执行完毕日期'),
    summary: text(10_000, '执行情况'),
  }),
  recordRevisit: z.strictObject({
    checkedOn: civilDate.describe('回头看日期'),
    result: z.enum(['sustained', 'rebound']).describe('sustained 未反弹，rebound 反弹'),
    organIds: z.array(id('反弹的行政机关 ID')).max(20).default([]),
    summary: text(10_000, '回头看情况'),
  }),
  terminate: dated('decidedOn', '终结日期'),
  suspend: dated('decidedOn', '中止日期'),
  resume: dated('decidedOn', '恢复日期'),
  extendDeadline: z.strictObject({
    clockKey: id('期限标识，如 litigation_review_admin'),
    by: period.optional().describe('延长的期间'),
    until: civilDate.optional().describe('延长至'),
    basis: text(500, '延长依据'),
    reason: text(2000, '延长理由'),
    superiorApprovalRef: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('上级院批准文号（超出检察长权限时必填）'),
  }),
  addExcludedDays: z.strictObject({
    clockKey: id('期限标识'),
    kind: z
      .enum(Object.keys(EXCLUSION_KINDS) as [keyof typeof EXCLUSION_KINDS])
      .describe('鉴定、评估、审计、检验、检测、翻译'),
    from: civilDate.describe('开始日期'),
    to: civilDate.describe('结束日期'),
    note: z.string().trim().max(2000).default(''),
  }),
  reassign: z.strictObject({ handlerId: id('新承办人用户 ID'), reason: text(2000, '更换理由') }),
  addNote: z.strictObject({ text: text(5000, '备注') }),
  markTypical: z.strictObject({ typical: z.boolean(), reason: text(2000, '理由') }),
  confirmEscalation: z.strictObject({
    clockKey: id('期限标识'),
    step: z.enum(['report_above', 'report_congress', 'notify_discipline']),
    confirmedOn: civilDate.describe('确认日期'),
    note: text(2000, '说明'),
  }),
  publishAnnouncement: z.strictObject({
    publishedOn: civilDate.describe('公告日期'),
    medium: text(200, '公告媒体'),
  }),
  recordAnnouncementOutcome: z.strictObject({
    on: civilDate.describe('登记日期'),
    outcome: z.enum(['sued_by_other', 'nobody_sued']),
    plaintiff: z.string().trim().max(200).optional().describe('起诉的机关或组织'),
  }),
  recordSupportConcluded: z.strictObject({
    on: civilDate.describe('结束日期'),
    summary: text(10_000, '支持起诉情况'),
  }),
} satisfies Record<ActionName, z.ZodType>;
