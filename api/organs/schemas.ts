import { z } from 'zod';
import { phoneNumber as phone, text } from '../validation';

export const ORGAN_KINDS = ['administrative', 'subdistrict', 'other'] as const;

const kind = z
  .enum(ORGAN_KINDS)
  .describe('administrative 行政机关，subdistrict 街道办事处/乡镇政府，other 其他');

export const createOrganBody = z.strictObject({
  name: text(200).describe('名称，如“区生态环境局”'),
  kind: kind.default('administrative'),
  email: z.email().max(254).nullable().default(null).describe('送达检察建议的电子邮箱'),
  address: text(500).nullable().default(null).describe('送达地址'),
  contactName: text(50).nullable().default(null).describe('联系人'),
  phone: phone.nullable().default(null).describe('联系电话'),
});
export type CreateOrganBody = z.infer<typeof createOrganBody>;

export const updateOrganBody = z
  .strictObject({
    name: text(200).optional(),
    kind: kind.optional(),
    email: z.email().max(254).nullable().optional().describe('null 清除'),
    address: text(500).nullable().optional().describe('null 清除'),
    contactName: text(50).nullable().optional().describe('联系人；null 清除'),
    phone: phone.nullable().optional().describe('联系电话；null 清除'),
    active: z.boolean().optional().describe('false 停用（撤销或合并的机关），true 恢复'),
  })
  .refine((b) => Object.keys(b).length > 0, '请至少修改一项');

export { organResponse } from '../../domain/case/responses';
