import { z } from 'zod';
import { LEAD_SOURCES, TRACKS } from '../../domain/case/stages';
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
  publicLeadId: text('由群众举报平台收到的线索 ID（受理该线索）', 100).optional(),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const caseIdParam = z.strictObject({
  id: storable('案件编号').regex(/^[0-9A-Za-z]+-\d{4}-\d{5}$/, '案件编号格式不正确'),
});

export const caseResponse = z.object({
  id: z.string().describe('案件编号'),
  procuratorateId: z.string(),
  title: z.string(),
  track: z.enum(TRACKS),
  stage: z.string().describe('案件阶段'),
  domainCode: z.string(),
  source: z.string(),
  handlerId: z.string(),
  organIds: z.array(z.string()),
  externalRef: z.string().nullable(),
  nextDue: z.string().nullable().describe('最近的期限届满日'),
  nextDueClock: z.string().nullable(),
  nextDueProvisional: z.boolean(),
  overdue: z.boolean(),
  typical: z.boolean(),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const clockResponse = z.object({
  key: z.string(),
  clockId: z.string(),
  name: z.string(),
  basis: z.string().nullable(),
  recommendationId: z.string().nullable(),
  start: z.string(),
  due: z.string().nullable(),
  status: z.string(),
  provisional: z.boolean(),
  overdue: z.boolean(),
  explanation: z.array(z.object({ kind: z.string(), text: z.string() })),
  rule: z.unknown(),
  versions: z.object({ catalogue: z.string(), policy: z.string(), schedule: z.string() }),
});

const recommendationResponse = z.object({
  id: z.string(),
  organId: z.string(),
  organName: z.string().nullable(),
  urgent: z.boolean(),
  status: z.string(),
  decidedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  replyDue: z.string().nullable(),
  repliedOn: z.string().nullable(),
  repliedOnTime: z.boolean().nullable(),
  finding: z.string().nullable(),
  outcome: z.string().nullable(),
  rebounds: z.number(),
});

export const caseDetailResponse = caseResponse.extend({
  clocks: z.array(clockResponse),
  recommendations: z.array(recommendationResponse),
  proposal: z.unknown().nullable(),
  escalations: z.array(z.unknown()),
  litigation: z.unknown().nullable(),
  availableActions: z.array(z.string()).describe('当前用户现在可办理的操作'),
});

export const actionResponse = z.object({
  result: z.object({
    caseId: z.string(),
    action: z.string(),
    stage: z.string(),
    seq: z.number(),
    clocks: z.array(
      z.object({ key: z.string(), status: z.string(), due: z.string().nullable(), provisional: z.boolean() }),
    ),
  }),
  case: caseResponse,
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
