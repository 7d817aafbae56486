import { z } from 'zod';
import { PUBLIC_LEAD_STATUSES } from '../../store/public-leads';
import { phoneNumber, resourceId, text, timestamp } from '../validation';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BASE64, MAX_ATTACHMENTS } from './attachments';
import { storable } from '../../domain/text';

const attachment = z.strictObject({
  fileName: text(200, '文件名')
    .regex(/^[^/\\\p{Cc}]+$/u, '文件名不能含路径分隔符或控制字符')
    .describe('文件名'),
  mediaType: z.enum(ATTACHMENT_TYPES).describe('文件类型；须与文件内容相符'),
  contentBase64: z.base64().min(4).max(MAX_ATTACHMENT_BASE64).describe('文件内容（Base64），不超过 2 MB'),
});

export const submitLeadBody = z.strictObject({
  procuratorateId: resourceId.describe('向哪个检察院反映'),
  description: text(5000, '反映的问题').min(10, '请至少写 10 个字'),
  location: text(500, '发生地点'),
  domainGuess: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/)
    .optional()
    .describe('您认为所属的领域（领域代码，见 /api/public/domains）'),
  contact: z
    .strictObject({
      name: text(50, '联系人姓名').optional(),
      phone: phoneNumber.optional(),
      email: z.email().max(254).optional(),
    })
    .optional()
    .describe('联系方式（可不填；只有检察院办案人员可见）'),
  attachments: z
    .array(attachment)
    .max(MAX_ATTACHMENTS)
    .default([])
    .describe('附件：至多 3 个 JPEG、PNG 或 PDF'),
});
export type SubmitLeadBody = z.infer<typeof submitLeadBody>;

export const challengeResponse = z.object({
  challenge: z.string().describe('验证题'),
  difficulty: z.number().int().describe('SHA-256(`<challenge>:<nonce>`) 开头须有的 0 比特数'),
  expiresAt: timestamp.describe('此时之前提交'),
});

export const submittedResponse = z.object({
  code: z.string().describe('查询码：请妥善保存，凭此查询办理状态'),
  status: z.enum(PUBLIC_LEAD_STATUSES),
  submittedAt: timestamp,
});

export const publicStatusResponse = z.object({
  code: z.string(),
  status: z
    .enum(PUBLIC_LEAD_STATUSES)
    .describe('received 已收到，under_evaluation 正在评估，accepted 已立案办理，not_accepted 未予受理'),
  submittedAt: timestamp,
  updatedAt: timestamp,
  declineReason: z.string().nullable().describe('未予受理的理由（检察院填写，告知反映人）；其他状态为 null'),
});

export const trackingCodeParam = z.strictObject({
  code: storable('查询码').min(12).max(20),
});

export const leadIdParam = z.strictObject({ id: resourceId });
export const attachmentParam = z.strictObject({
  id: resourceId,
  n: z.coerce.number().int().min(1).max(MAX_ATTACHMENTS),
});

export const listLeadsQuery = z.strictObject({
  status: z
    .enum([...PUBLIC_LEAD_STATUSES, 'all'])
    .default('received')
    .describe('缺省为待评估（received）'),
  q: text(100, '按反映的问题或发生地点搜索').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('每页最多列出几条（默认 100）'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .default(0)
    .describe('跳过最早的几条（分页：第 n 页为 (n-1)×limit；默认 0）'),
});

export const declineBody = z.strictObject({
  reason: text(1000).describe('不予受理的理由；反映人凭查询码可以看到'),
});

export const staffLeadResponse = z.object({
  id: z.string(),
  procuratorateId: z.string(),
  status: z.enum(PUBLIC_LEAD_STATUSES),
  description: z.string(),
  location: z.string(),
  domainGuess: z.string().nullable(),
  hasContact: z.boolean(),
  attachmentCount: z.number().int(),
  caseId: z.string().nullable().describe('据此登记的案件'),
  declineReason: z.string().nullable(),
  submittedAt: timestamp,
  updatedAt: timestamp,
});

export const leadQueueResponse = z.object({
  items: z.array(staffLeadResponse).describe('线索，先到先列'),
  total: z.number().int().describe('符合条件（状态，有 q 时还有搜索）的线索总数，用于分页'),
});

export const staffLeadDetailResponse = staffLeadResponse.extend({
  contact: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  declinedBy: z.string().nullable(),
  declinedAt: timestamp.nullable(),
  attachments: z.array(
    z.object({
      n: z.number().int(),
      fileName: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      sha256: z.string(),
    }),
  ),
});

export const namedItems = z.array(z.object({ id: z.string(), name: z.string() }));
export const domainItems = z.array(z.object({ code: z.string(), name: z.string() }));
