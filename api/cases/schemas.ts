import { z } from 'zod';
import { leadFields } from '../../domain/case/registration';

export {
  actionResponse,
  caseDetailResponse,
  caseResponse,
  pendingActionResponse,
  pendingCaseResponse,
} from '../../domain/case/responses';
import { storable, text } from '../../domain/text';

export const createCaseBody = z.strictObject({
  ...leadFields,
  track: leadFields.track.default('administrative'),
  handlerId: text('承办检察官的用户 ID；缺省为登记人', 64).optional(),
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
