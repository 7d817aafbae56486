/** Roles of DOMAIN.md "People and roles". Identifiers are wire contracts. */
export const ROLES = [
  'prosecutor',
  'head',
  'chief',
  'case_office',
  'admin',
  'oversight',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  prosecutor: '承办检察官',
  head: '部门负责人',
  chief: '检察长',
  case_office: '案件管理部门',
  admin: '系统管理员',
  oversight: '上级院监督',
  platform_admin: '平台管理员',
};

/** Roles that may act on cases at all (the case office and admins only read or administer). */
export const CASE_ACTING_ROLES: readonly Role[] = ['prosecutor', 'head', 'chief'];

export function hasAnyRole(roles: readonly string[], allowed: readonly Role[]): boolean {
  return roles.some((r) => (allowed as readonly string[]).includes(r));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Roles that only read: the 上级院 oversight role sees its own and every lower procuratorate's
 * cases and figures and changes nothing.
 */
export const READ_ONLY_ROLES: readonly Role[] = ['oversight'];

/** Why a caller holding only read-only roles is refused a change. */
export const READ_ONLY_REFUSAL =
  '上级院监督角色只能查看本院及下级院的案件和数据，不能办理或修改；案件由其所属检察院办理';

/** Whether every role held only reads. */
export function onlyReads(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((r) => (READ_ONLY_ROLES as readonly string[]).includes(r));
}

/**
 * Settings that bind every procuratorate — the holiday schedule, the period and reminder policy,
 * the domain catalogue — are changed by the platform's administrator (provincial or national)
 * only; a procuratorate's own admin reads them.
 */
export const PLATFORM_ROLES: readonly Role[] = ['platform_admin'];

/** Who may read the platform settings: the platform's administrator and every procuratorate's admin. */
export const PLATFORM_READERS: readonly Role[] = ['admin', 'platform_admin'];

/** Why a procuratorate's admin (or anyone else) is refused a change of the platform settings. */
export const PLATFORM_REFUSAL =
  '节假日安排、期限与提醒策略和公益诉讼领域适用于所有检察院，只有平台管理员（platform_admin，省级或全国管理员）可以修改；本院系统管理员只能查看';
