import { z } from 'zod';
import { LEAD_SOURCES, TRACKS } from '../../domain/case/stages';

export { actionResponse, caseDetailResponse, caseResponse } from '../../domain/case/responses';
import { civilDate, storable, text } from '../../domain/text';

export const createCaseBody = z.strictObject({
  title: text('线索名称', 200),
  description: text('线索内容', 10_000),
  track: z.enum(TRACKS).default('administrative').describe('办案类型：administrative 行政，civil 民事'),
  domainCode: text('领域代码', 64),
  source: z.enum(Object.keys(LEAD_SOURCES) as [keyof typeof LEAD_SOURCES]).describe('线索来源'),
  sourceDetail: text('来源说明，如移送单位', 500).optional(),
  receivedOn: civilDate.describe('收到线索的日期'),
  handlerId: text('承办检察官的用户 ID；缺省为登记人', 64).optional(),
  externalRef: text('外部编号（如移送函文号），同一院内唯一', 200).optional(),
  transferFrom: z
    .strictObject({
      unit: text('移送单位', 200),
      letterRef: text('移送函文号', 200).optional(),
      sentOn: civilDate.describe('移送日期（移送函落款日期）'),
    })
    .optional()
    .describe('移送来的线索：移送单位、文号与日期'),
  majorLeadReason: text(
    '重大线索的理由；填写即认定为重大线索，须报上一级检察院（规则第二十五条）',
    2000,
  ).optional(),
  publicLeadId: text('由群众举报平台收到的线索 ID（受理该线索）', 100).optional(),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const caseIdParam = z.strictObject({
  id: storable('案件编号').regex(/^[0-9A-Za-z]+-\d{4}-\d{5}$/, '案件编号格式不正确'),
});

export const timelineQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

export const timelineResponse = z.object({
  caseId: z.string(),
  chain: z.object({
    ok: z.boolean(),
    entries: z.number(),
    broken: z.object({ seq: z.number(), reason: z.string() }).optional(),
  }),
  entries: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      actorId: z.string(),
      kind: z.string(),
      stage: z.string(),
      data: z.unknown(),
      reason: z.string().nullable(),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
});

export const typicalSummaryResponse = z.object({
  domain: z.string(),
  track: z.string(),
  source: z.string(),
  registered: z.string().describe('登记年月'),
  stages: z.array(z.object({ stage: z.string(), label: z.string(), month: z.string() })),
  recommendations: z.array(
    z.object({
      organ: z.string(),
      urgent: z.boolean(),
      repliedOnTime: z.boolean().nullable(),
      finding: z.string().nullable(),
      rebounds: z.number(),
    }),
  ),
  outcome: z.string(),
});
