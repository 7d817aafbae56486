import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { queryFlag, text, timestamp } from '../validation';
import { storable } from '../../domain/text';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/passwords';

const roles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .refine((rs) => new Set(rs).size === rs.length, '角色不能重复')
  .describe(
    '角色：prosecutor 承办检察官，head 部门负责人，chief 检察长，case_office 案件管理部门，admin 系统管理员，oversight 上级院监督，platform_admin 平台管理员（仅最上级检察院；节假日安排、期限与提醒策略、公益诉讼领域）',
  );

const password = storable('新密码（至少 12 个字符，不能是常见密码）')
  .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`)
  .max(200)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const createUserBody = z.strictObject({
  username: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '用户名须为 3 至 64 个字母、数字或 . _ -')
    .describe('登录名'),
  displayName: text(100).describe('姓名'),
  email: z.email().max(254).describe('电子邮箱（接收提醒）'),
  roles,
  password: password.optional().describe('初始密码；缺省则该用户在设置密码前不能登录'),
  active: z.boolean().default(true),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    displayName: text(100).optional(),
    email: z.email().max(254).optional(),
    roles: roles.optional(),
    active: z.boolean().optional().describe('false：停用，并结束其全部登录'),
    password: password.optional().describe('设置或重置密码，并结束其全部登录'),
  })
  .refine((b) => Object.keys(b).length > 0, '请至少修改一项');
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const listUsersQuery = z.strictObject({
  includeInactive: queryFlag.describe('是否包括已停用的用户'),
});

export const userResponse = z.object({
  id: z.string(),
  procuratorateId: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  hasPassword: z.boolean().describe('是否已设置密码'),
  createdAt: timestamp,
});

export const roleGrantResponse = z.object({
  id: z.string(),
  userId: z.string(),
  roles: z.array(z.string()).describe('批准后该用户的全部角色'),
  added: z.array(z.string()).describe('其中须另一名管理员批准的角色（检察长、部门负责人、管理员）'),
  activate: z.boolean().describe('true：新建账户，批准后启用'),
  requestedBy: z.string(),
  requestedAt: timestamp,
  outcome: z.enum(['pending', 'approved', 'rejected', 'superseded']),
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
});

export const savedUserResponse = userResponse.extend({
  pendingRoleGrant: roleGrantResponse
    .optional()
    .describe('所给角色中须另一名管理员批准的部分：批准前不生效（新建的账户批准前停用）'),
});

export const roleGrantParams = z.strictObject({
  id: z.string().regex(/^rg-[0-9a-z_-]{1,64}$/, '申请编号格式不对'),
});
