/**
 * 系统管理: users and roles, the holiday schedule, the deadline and reminder policy, domains, the
 * document templates and numbering.
 */
import type { User } from '../api/session';
import { Link } from '../lib/router';
import { AdminUsers } from './admin-users';
import { AdminHolidays } from './admin-holidays';
import { AdminPolicy } from './admin-policy';
import { AdminDomains } from './admin-domains';
import { AdminDecisions } from './admin-decisions';
import { AdminDocuments } from './admin-documents';

const TABS = [
  { to: '/admin/users', label: '用户与角色' },
  { to: '/admin/holidays', label: '节假日安排' },
  { to: '/admin/policy', label: '期限与提醒策略' },
  { to: '/admin/domains', label: '公益诉讼领域' },
  { to: '/admin/decisions', label: '提请审核与决定授权' },
  { to: '/admin/documents', label: '文书模板与编号' },
];

export function AdminPage({ user, path }: { user: User; path: string }) {
  const tab = TABS.find((t) => path.startsWith(t.to)) ?? TABS[0]!;
  return (
    <section>
      <h1>系统管理</h1>
      <nav className="tabs" aria-label="系统管理">
        {TABS.map((t) => (
          <Link key={t.to} to={t.to} aria-current={t === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {tab.to === '/admin/users' && <AdminUsers self={user} />}
      {tab.to === '/admin/holidays' && <AdminHolidays self={user} />}
      {tab.to === '/admin/policy' && <AdminPolicy />}
      {tab.to === '/admin/domains' && <AdminDomains self={user} />}
      {tab.to === '/admin/decisions' && <AdminDecisions />}
      {tab.to === '/admin/documents' && <AdminDocuments />}
    </section>
  );
}
