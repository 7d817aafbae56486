import { z } from 'zod';

const answer = z.object({
  item: z.number().describe('建议事项序号'),
  answer: z.enum(['accepted', 'in_progress', 'disputed']),
  plan: z.string().optional(),
  startsOn: z.string().optional(),
  endsOn: z.string().optional(),
  reasons: z.string().optional(),
  seq: z.number().describe('记载答复的时间线条目序号'),
  at: z.string(),
  by: z.string().describe('答复的联系人'),
});

const progress = z.object({
  seq: z.number().describe('记载进展的时间线条目序号'),
  at: z.string(),
  asOf: z.string().describe('进展截至日期'),
  progress: z.string().describe('整改进展'),
  by: z.string().describe('报送的联系人'),
});

const extensionRequest = z.object({
  seq: z.number().describe('记载申请的时间线条目序号'),
  at: z.string(),
  until: z.string().describe('申请延长至的日期'),
  reasons: z.string(),
  by: z.string().describe('申请的联系人'),
  decision: z
    .object({
      decision: z.enum(['granted', 'refused']).describe('granted 准予，refused 不准'),
      until: z.string().nullable().describe('准予延长至的日期'),
      reason: z.string(),
      at: z.string(),
    })
    .nullable()
    .describe('检察机关的决定；待决定时为空'),
});

/** The organ's answers, progress reports, requests for more time and files beside the recommendation's items. */
export const organReplyResponse = z.object({
  documentNumber: z.string().nullable().describe('检察建议书文号'),
  items: z.array(z.string()).describe('建议事项，按序号'),
  rectificationDue: z.string().nullable().describe('整改期限（含准予的延期）；签收前为空'),
  answers: z.array(answer),
  progress: z.array(progress).describe('整改期间报送的进展，只增不改'),
  extensionRequests: z.array(extensionRequest).describe('延长整改期限的申请及决定'),
  files: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mediaType: z.string(),
      size: z.number(),
      sha256: z.string(),
      addedAt: z.string(),
    }),
  ),
});

export const organViewResponse = organReplyResponse.extend({
  caseTitle: z.string(),
  organName: z.string(),
  recommendationId: z.string(),
  receivedOn: z.string().nullable().describe('签收日期；未签收时为空'),
  replyDue: z.string().nullable().describe('回复期限'),
});
