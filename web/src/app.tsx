/** The signed-in frame: header with the user, navigation by role, and the page for the path. */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { session, type User } from './api/session';
import { reference } from './api/reference';
import { hasAnyRole } from '../../domain/roles';
import { roleLabel } from './lib/labels';
import { Link, match, navigate, useLocation } from './lib/router';
import { LoginPage } from './pages/login';
import { CaseListPage } from './pages/case-list';
import { NewCasePage } from './pages/new-case';
import { CaseDetailPage } from './pages/case-detail';
import { CalendarPage } from './pages/calendar';
import { DashboardPage } from './pages/dashboard';
import { OrgansPage } from './pages/organs';
import { AdminPage } from './pages/admin';
import { MailPage } from './pages/mail';
import { InboxPage } from './pages/inbox';
import { inboxCount } from './api/inbox';
import { VerifyPage } from './pages/verify';
import { OrganPage } from './pages/organ';
import { devMailbox } from './api/dev-mailbox';
import { PublicIntakePage } from './pages/public-intake';
import { PublicTrackPage } from './pages/public-track';
import { PublicLeadPage, PublicLeadsPage } from './pages/public-leads';
import { OrganDetailPage } from './pages/organ-detail';
import { SettingsPage } from './pages/settings';
import { NotificationBell } from './components/notification-bell';
import { unreadNotifications } from './api/notifications';
import { CaseImportPage } from './pages/case-import';
import { OversightCasesPage, OversightPage } from './pages/oversight';
import { TypicalCasesPage } from './pages/typical-cases';
import { AssignPage } from './pages/assign';

interface NavItem {
  to: string;
  label: string;
  show: (u: User, env: { devMailbox: boolean; below: boolean }) => boolean;
}

const staff = (u: User) => hasAnyRole(u.roles, ['prosecutor', 'head', 'chief', 'case_office']);
const oversees = (u: User) => hasAnyRole(u.roles, ['oversight']);
const assigns = (u: User) => hasAnyRole(u.roles, ['head', 'chief']);
const NAV: NavItem[] = [
  { to: '/inbox', label: '待办', show: (u) => staff(u) || oversees(u) },
  { to: '/', label: '案件', show: staff },
  { to: '/leads', label: '群众线索', show: staff },
  { to: '/calendar', label: '期限日历', show: staff },
  { to: '/dashboard', label: '统计分析', show: staff },
  { to: '/typical-cases', label: '典型案例', show: staff },
  { to: '/oversight', label: '下级院', show: oversees },
  { to: '/assign', label: '上级交办', show: (u, env) => env.below && assigns(u) },
  { to: '/organs', label: '行政机关', show: () => true },
  { to: '/imports', label: '案件导入', show: (u) => hasAnyRole(u.roles, ['case_office', 'admin']) },
  { to: '/admin', label: '系统管理', show: (u) => hasAnyRole(u.roles, ['admin', 'platform_admin']) },
  { to: '/mail', label: '邮件（开发）', show: (_u, env) => env.devMailbox },
];

export function App() {
  const user = useSyncExternalStore(session.subscribe, session.user);
  const { path } = useLocation();
  // A document's verification page is public: whoever holds the paper copy, signed in or not.
  const verify = match('/verify/:token', path);
  if (verify) return <VerifyPage token={verify.token!} />;
  const organ = match('/organ/:token', path);
  if (organ) return <OrganPage token={organ.token!} />;
  // The public intake and its tracking-code lookup: no account, whoever is signed in.
  if (path === '/report') return <PublicIntakePage />;
  if (path === '/track') return <PublicTrackPage />;
  if (!user) return <LoginPage />;
  return (
    <Shell user={user} path={path}>
      <Page user={user} path={path} />
    </Shell>
  );
}

function Page({ user, path }: { user: User; path: string }) {
  let params: Record<string, string> | null;
  if (path === '/' || path === '/cases') {
    if (staff(user)) return <CaseListPage user={user} />;
    return <AdminHome to={oversees(user) ? '/oversight' : '/admin'} />;
  }
  if (path === '/login') {
    navigate('/', { replace: true });
    return null;
  }
  if (path === '/cases/new') return <NewCasePage />;
  if ((params = match('/cases/:id', path)))
    return <CaseDetailPage key={params.id} user={user} caseId={params.id!} />;
  if (path === '/inbox') return <InboxPage />;
  if (path === '/calendar') return <CalendarPage user={user} />;
  if (path === '/dashboard') return <DashboardPage user={user} />;
  if (path === '/leads') return <PublicLeadsPage />;
  if ((params = match('/leads/:id', path)))
    return <PublicLeadPage key={params.id} user={user} leadId={params.id!} />;
  if (path === '/organs') return <OrgansPage user={user} />;
  if ((params = match('/organs/:id', path)))
    return <OrganDetailPage key={params.id} user={user} organId={params.id!} />;
  if (path === '/admin' || path.startsWith('/admin/')) return <AdminPage user={user} path={path} />;
  if (path === '/mail') return <MailPage />;
  if (path === '/settings' && staff(user)) return <SettingsPage />;
  if (path === '/imports') return <CaseImportPage />;
  if (path === '/typical-cases') return <TypicalCasesPage />;
  if (path === '/oversight') return <OversightPage />;
  if (path === '/assign') return <AssignPage />;
  if ((params = match('/oversight/:id', path)))
    return <OversightCasesPage key={params.id} procuratorateId={params.id!} />;
  return (
    <section>
      <h1>找不到这个页面</h1>
      <p>
        <Link to="/">返回首页</Link>
      </p>
    </section>
  );
}

function AdminHome({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Shell({ user, path, children }: { user: User; path: string; children: ReactNode }) {
  const [court, setCourt] = useState(user.procuratorateId);
  useEffect(() => {
    reference
      .procuratorates()
      .then((list) => setCourt(list.find((p) => p.id === user.procuratorateId)?.name ?? user.procuratorateId))
      .catch(() => undefined);
  }, [user.procuratorateId]);
  const count = useSyncExternalStore(inboxCount.subscribe, inboxCount.get);
  // 上级交办 is offered to a head or chief whose procuratorate has procuratorates below it.
  const [below, setBelow] = useState(false);
  const mayAssign = assigns(user);
  useEffect(() => {
    if (!mayAssign) return;
    reference
      .below()
      .then((list) => setBelow(list.length > 0))
      .catch(() => undefined);
  }, [mayAssign]);
  const env = { devMailbox: useSyncExternalStore(devMailbox.subscribe, devMailbox.get), below };
  // The inbox is also the procuratorate above's (备案); notifications are the case staff's own.
  const hasInbox = staff(user) || oversees(user);
  const isStaff = staff(user);
  useEffect(() => {
    if (hasInbox) inboxCount.refresh();
    if (isStaff) unreadNotifications.refresh();
  }, [path, hasInbox, isStaff]);
  useEffect(() => {
    if (!isStaff) return;
    // Notifications arrive while a page stays open: the bell looks again every minute.
    const timer = setInterval(() => unreadNotifications.refresh(), 60_000);
    return () => clearInterval(timer);
  }, [isStaff]);
  const active = (to: string) =>
    to === '/' ? path === '/' || path.startsWith('/cases') : path.startsWith(to);
  return (
    <>
      <a className="skip" href="#main">
        跳到正文
      </a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            督
          </span>
          <span>督办 · 公益诉讼案件跟踪</span>
        </div>
        <div className="who" aria-label="当前用户">
          {isStaff ? (
            <Link to="/settings" className="name" title="个人设置">
              {user.displayName}
            </Link>
          ) : (
            <span className="name">{user.displayName}</span>
          )}
          <span className="roles">{user.roles.map(roleLabel).join('、')}</span>
          <span className="court">{court}</span>
          <button type="button" onClick={() => void session.logout().then(() => navigate('/'))}>
            退出登录
          </button>
        </div>
        <nav aria-label="主导航">
          <ul>
            {NAV.filter((n) => n.show(user, env)).map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={active(n.to) ? 'page' : undefined}>
                  {n.label}
                  {n.to === '/inbox' && count !== null && (
                    <span className="nav-count" aria-label={`${count} 项`}>
                      {count}
                    </span>
                  )}
                </Link>
              </li>
            ))}
            {isStaff && (
              <li className="bell-item">
                <NotificationBell />
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
