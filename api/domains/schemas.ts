// Requests and answers of the domain (领域) endpoints.
import { z } from 'zod';
import { civilDate, text, timestamp } from '../validation';

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, '须为 2 至 40 个小写字母、数字或下划线，以字母开头')
  .describe('领域代码，如 public_safety');

export const domainCodeParam = z.strictObject({ code });

const minLevel = z
  .enum(['district', 'city'])
  .describe('district：各级检察院均可办理；city：设区的市级以上检察院办理');
const inForceFrom = civilDate.describe('施行日期 YYYY-MM-DD，不早于今天；缺省为今天');
const tracks = {
  allowsAdministrative: z.boolean().describe('可办理行政公益诉讼'),
  allowsCivil: z.boolean().describe('可办理民事公益诉讼'),
};

export const newDomainBody = z.strictObject({
  code,
  name: text(50).describe('领域名称，如 公共安全'),
  basis: text(500).optional().describe('依据（等外领域可写所据的文件或批复）'),
  ...tracks,
  minLevel: minLevel.default('district'),
  inForceFrom: inForceFrom.optional(),
});
export type NewDomainBody = z.infer<typeof newDomainBody>;

export const domainVersionBody = z
  .strictObject({
    name: text(50).optional(),
    basis: text(500).nullable().optional().describe('法律依据及条款；null 表示清除'),
    statutory: z.boolean().optional().describe('true：法定领域（须写明依据）；false：等外探索领域'),
    allowsAdministrative: tracks.allowsAdministrative.optional(),
    allowsCivil: tracks.allowsCivil.optional(),
    minLevel: minLevel.optional(),
    inForceFrom: inForceFrom.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'inForceFrom'), '请至少修改一项内容');
export type DomainVersionBody = z.infer<typeof domainVersionBody>;

export const domainVersion = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  basis: z.string().nullable(),
  statutory: z.boolean().describe('false：等外探索领域，无法律明文规定'),
  allowsAdministrative: z.boolean(),
  allowsCivil: z.boolean(),
  minLevel: z.enum(['district', 'city']),
  inForceFrom: z.string(),
  createdBy: z.string().nullable().describe('添加该版本的管理员；内置版本为 null'),
  createdAt: timestamp,
});

export const adminDomainList = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      current: domainVersion.nullable().describe('今天施行的版本；尚未施行时为 null'),
      upcoming: domainVersion.nullable().describe('已定于今后施行的版本'),
      versions: z.array(domainVersion).describe('全部版本，新版本在前'),
    }),
  ),
});
