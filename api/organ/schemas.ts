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

/** The organ's answers and files beside the recommendation's numbered items. */
export const organReplyResponse = z.object({
  documentNumber: z.string().nullable().describe('检察建议书文号'),
  items: z.array(z.string()).describe('建议事项，按序号'),
  answers: z.array(answer),
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
