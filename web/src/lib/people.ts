/** Names instead of user IDs, from the procuratorate's directory. */
import type { User } from '../api/session';
import type { DirectoryUser } from '../api/types';
import { ROLE_LABELS, isRole } from '../../../domain/roles';
import type { Choice } from '../components/schema-form';

export type NameOf = (id: string | null | undefined) => string;

/** "张检察官", "张检察官（本人）", "系统"; an ID the directory does not know stays as it is. */
export function namesFrom(users: DirectoryUser[], self: User): NameOf {
  const byId = new Map(users.map((u) => [u.id, u]));
  return (id) => {
    if (!id) return '—';
    if (id === 'system') return '系统';
    if (id === self.id) return `${self.displayName}（本人）`;
    const u = byId.get(id);
    if (!u) return id;
    return u.active ? u.displayName : `${u.displayName}（已停用）`;
  };
}

const roleNames = (roles: string[]) => roles.map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join('、');

/** Who may handle a case: active prosecutors and heads, as choices for a form. */
export function handlerChoices(users: DirectoryUser[], except?: string): Choice[] {
  return users
    .filter((u) => u.active && u.id !== except && u.roles.some((r) => r === 'prosecutor' || r === 'head'))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${roleNames(u.roles)}）` }));
}
