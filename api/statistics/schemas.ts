import { z } from 'zod';
import { STATISTICS_FIGURES, STATISTICS_OUTCOME_KEYS } from '../../domain/case/statistics';
import { civilDate, resourceId, text } from '../validation';

const when = '按事件的法定日期（上海时间的公历日）计入期间';

export const periodQuery = z
  .strictObject({ from: civilDate.optional(), to: civilDate.optional() })
  .describe(`统计期间，默认本年；${when}`);

const period = z.object({ from: z.string(), to: z.string() });

export const situationReportQuery = z
  .strictObject({
    from: civilDate.optional(),
    to: civilDate.optional(),
    recipient: text(60, '报送对象').optional().describe('开头称谓，默认“区人大常委会”'),
    format: z
      .enum(['docx', 'csv'])
      .default('docx')
      .describe('docx：情况汇报（Word）；csv：其中的数字及与上一同期的比较'),
  })
  .describe(`报告期间，默认本年；上一同期为紧接其前、天数相同的期间；${when}`);

export const organRecord = z.object({
  organId: z.string(),
  name: z.string(),
  recommendations: z.number().describe('期间内制发的检察建议'),
  served: z.number().describe('期间内送达'),
  repliedOnTime: z.number().describe('期间内按期回复'),
  repliedLate: z.number().describe('期间内逾期回复'),
  noReply: z.number().describe('回复期限在期间内届满仍未回复'),
  rectified: z.number().describe('期间内认定整改到位'),
  nonPerformance: z.number().describe('期间内认定未依法履职'),
  rebounds: z.number().describe('期间内回头看发现反弹'),
  litigatedCases: z.number().describe('期间内起诉的案件'),
  onTimeReplyRate: z.number().nullable().describe('按期回复率（期间内回复或应回复未回复的检察建议中）'),
  rectificationRate: z.number().nullable().describe('整改到位率（期间内认定的检察建议中）'),
  repeatOffender: z.boolean().describe('期间内不履职与反弹次数达到本院设定的阈值'),
});

export const organTableResponse = z.object({
  period,
  repeatOffenderThreshold: z.number(),
  items: z.array(organRecord),
});

export const summaryResponse = z.object({
  period,
  byStage: z
    .array(z.object({ stage: z.string(), count: z.number() }))
    .describe('期间内受理的线索，按现在的阶段'),
  byDomain: z.array(
    z.object({
      domainCode: z.string(),
      name: z.string().nullable(),
      count: z.number().describe('期间内立案'),
      received: z.number().describe('期间内受理的线索'),
    }),
  ),
  overdueByMonth: z
    .array(z.object({ month: z.string(), count: z.number() }))
    .describe('期限末日在该月、届满未完成的数量'),
  recommendations: z.object({
    total: z.number().describe('期间内制发的检察建议'),
    rectified: z.number().describe('期间内认定整改到位'),
    nonPerformance: z.number().describe('期间内认定未依法履职'),
    litigated: z.number().describe('期间内起诉的案件'),
  }),
  repeatOffenderThreshold: z.number(),
  organs: z.array(organRecord),
});

const counted = <S extends z.ZodRawShape>(shape: S) => z.object({ ...shape, count: z.number() });

export const analysisResponse = z.object({
  period,
  domainOutcomes: z
    .array(counted({ domainCode: z.string(), outcome: z.string(), label: z.string() }))
    .describe('领域 × 结果：期间内有该结果的案件数'),
  organOutcomes: z
    .array(counted({ organId: z.string(), name: z.string(), outcome: z.string(), label: z.string() }))
    .describe('行政机关 × 结果：期间内的认定、反弹、起诉、裁判次数'),
  leadSources: z
    .array(counted({ source: z.string(), label: z.string() }))
    .describe('期间内受理的线索，按来源'),
  tracks: z.array(counted({ track: z.string() })).describe('期间内立案，按案件类别'),
  nonPerformanceReasons: z
    .array(counted({ reason: z.string(), label: z.string() }))
    .describe('期间内认定未依法履职所依据的《办案规则》第八十二条情形'),
  replies: z.object({
    count: z.number().describe('期间内收到的回复'),
    onTime: z.number(),
    onTimeRate: z.number().nullable(),
    medianDays: z.number().nullable().describe('签收至回复的天数（中位数）'),
    meanDays: z.number().nullable().describe('签收至回复的天数（平均）'),
    findings: z.number().describe('期间内的跟进调查认定'),
    onTimeAndRectified: z.number(),
    replyRectificationRate: z
      .number()
      .nullable()
      .describe('回复整改率：按期回复且认定整改到位 / 期间内的认定'),
  }),
  repeatOffenderThreshold: z.number(),
  repeatOffenders: z.array(
    z.object({ organId: z.string(), name: z.string(), nonPerformance: z.number(), rebounds: z.number() }),
  ),
});

const csv = (label: string) =>
  z
    .string()
    .max(2000)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(STATISTICS_OUTCOME_KEYS)).min(1).max(20))
    .describe(label);

/** The most cases one answer of the drill-down lists (and how many when no limit is asked). */
export const FIGURE_CASES_MAX = 1000;

export const figureQuery = z.strictObject({
  from: civilDate.optional(),
  to: civilDate.optional(),
  figure: z
    .enum(STATISTICS_FIGURES)
    .describe(
      'received 受理线索，filed 立案，outcome 结果，reason 第八十二条情形，issued 制发检察建议，replied 回复，overdue 期限届满',
    ),
  stage: z.string().max(40).optional(),
  source: z.string().max(40).optional(),
  domainCode: z.string().max(40).optional(),
  track: z.string().max(40).optional(),
  outcome: csv('结果（逗号分隔）').optional(),
  organId: resourceId.optional(),
  reason: z.string().max(60).optional(),
  onTime: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, '月份格式为 YYYY-MM')
    .optional(),
  q: text(100, '按案件名称、编号或线索内容搜索').optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(FIGURE_CASES_MAX)
    .optional()
    .describe(`每页最多列出几件（默认 ${FIGURE_CASES_MAX}）`),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .optional()
    .describe('跳过前几件（按登记先后；分页：第 n 页为 (n-1)×limit；默认 0）'),
});

export const figureCasesResponse = z.object({
  period,
  total: z.number().int().describe('构成该数字的案件总数（有 q 时为其中符合搜索的），用于分页'),
  items: z.array(
    z.object({
      caseId: z.string(),
      title: z.string(),
      stage: z.string(),
      domainCode: z.string(),
      track: z.string(),
    }),
  ),
});

export const policyBody = z.strictObject({
  repeatOffenderThreshold: z
    .number()
    .int()
    .min(1)
    .max(100)
    .describe('期间内不履职与反弹合计达到该次数即为屡次不履职'),
});
export const policyResponse = z.object({ repeatOffenderThreshold: z.number() });
