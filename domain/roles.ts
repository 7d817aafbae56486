/** Roles of DOMAIN.md "People and roles". Identifiers are wire contracts. */
export const ROLES = ['prosecutor', 'head', 'chief', 'case_office', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  prosecutor: '承办检察官',
  head: '部门负责人',
  chief: '检察长',
  case_office: '案件管理部门',
  admin: '系统管理员',
};

/** Roles that may act on cases at all (the case office and admins only read or administer). */
export const CASE_ACTING_ROLES: readonly Role[] = ['prosecutor', 'head', 'chief'];

export function hasAnyRole(roles: readonly string[], allowed: readonly Role[]): boolean {
  return roles.some((r) => (allowed as readonly string[]).includes(r));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
