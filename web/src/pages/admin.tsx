/**
 * 系统管理: users and roles, the holiday schedule, the deadline and reminder policy, domains, the
 * document templates and numbering. The schedule, the policy and the domains bind every
 * procuratorate: the platform's administrator changes them, a procuratorate's admin reads them.
 */
import { hasAnyRole } from '../../../domain/roles';
import type { User } from '../api/session';
import { Link } from '../lib/router';
import { AdminUsers } from './admin-users';
import { AdminHolidays } from './admin-holidays';
import { AdminPolicy } from './admin-policy';
import { AdminDomains } from './admin-domains';
import { AdminDecisions } from './admin-decisions';
import { AdminDocuments } from './admin-documents';

/** `platform`: the settings of every procuratorate, shown to admins and the platform's administrator. */
const TABS = [
  { to: '/admin/users', label: '用户与角色', platform: false },
  { to: '/admin/holidays', label: '节假日安排', platform: true },
  { to: '/admin/policy', label: '期限与提醒策略', platform: true },
  { to: '/admin/domains', label: '公益诉讼领域', platform: true },
  { to: '/admin/decisions', label: '提请审核与决定授权', platform: false },
  { to: '/admin/documents', label: '文书模板与编号', platform: false },
];

export function AdminPage({ user, path }: { user: User; path: string }) {
  const canChange = hasAnyRole(user.roles, ['platform_admin']);
  const tabs = TABS.filter((t) => t.platform || hasAnyRole(user.roles, ['admin']));
  const tab = tabs.find((t) => path.startsWith(t.to)) ?? tabs[0]!;
  return (
    <section>
      <h1>系统管理</h1>
      <nav className="tabs" aria-label="系统管理">
        {tabs.map((t) => (
          <Link key={t.to} to={t.to} aria-current={t === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {tab.to === '/admin/users' && <AdminUsers self={user} />}
      {tab.to === '/admin/holidays' && <AdminHolidays self={user} canChange={canChange} />}
      {tab.to === '/admin/policy' && <AdminPolicy canChange={canChange} />}
      {tab.to === '/admin/domains' && <AdminDomains self={user} canChange={canChange} />}
      {tab.to === '/admin/decisions' && <AdminDecisions />}
      {tab.to === '/admin/documents' && <AdminDocuments />}
    </section>
  );
}
