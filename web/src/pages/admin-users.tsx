import { useState } from 'react';
import { api, type ApiError } from '../api/client';
import type { User } from '../api/session';
import { ROLES } from '../../../domain/roles';
import { Loading, Notice, Problem } from '../components/problem';
import { SchemaForm } from '../components/schema-form';
import { openApi } from '../api/reference';
import { roleLabel } from '../lib/labels';
import { chineseDate } from '../lib/format';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { useApi } from '../lib/use-api';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  active: boolean;
  hasPassword: boolean;
  createdAt: string;
}

interface RoleGrant {
  id: string;
  userId: string;
  roles: string[];
  added: string[];
  activate: boolean;
  requestedBy: string;
  requestedAt: string;
}

interface Saved {
  displayName: string;
  pendingRoleGrant?: RoleGrant;
}

const rolesText = (roles: string[]) => roles.map(roleLabel).join('、');

const LABELS = {
  username: '登录名',
  displayName: '姓名',
  email: '电子邮箱',
  roles: '角色',
  password: '初始密码',
  active: '启用',
};

export function AdminUsers({ self }: { self: User }) {
  const users = useApi(() => api.get<UserRow[]>('/api/users', { includeInactive: 'true' }), []);
  const schema = useApi(
    async () => (await openApi()).paths['/api/users']?.post?.requestBody?.content['application/json']?.schema,
    [],
  );
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const grants = useApi(() => api.get<RoleGrant[]>('/api/users/role-grants'), []);
  const list = usePagedSearch(
    users.data ?? undefined,
    (u) => `${u.displayName} ${u.username} ${u.email ?? ''}`,
  );
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.displayName ?? id;
  const savedNotice = (what: string, s: Saved) =>
    setSaved(
      s.pendingRoleGrant
        ? `${what}：${s.displayName}。${rolesText(s.pendingRoleGrant.added)}角色须另一名管理员批准后生效`
        : `${what}：${s.displayName}`,
    );
  const reload = () => {
    users.reload();
    grants.reload();
  };

  const change = async (u: UserRow, body: Record<string, unknown>) => {
    setProblem(null);
    try {
      savedNotice('已修改', await api.patch<Saved>(`/api/users/${u.id}`, body));
      reload();
    } catch (err) {
      setProblem(err as ApiError);
    }
  };
  const decide = async (g: RoleGrant, decision: 'approve' | 'reject') => {
    setProblem(null);
    try {
      await api.post(`/api/users/role-grants/${g.id}/${decision}`);
      setSaved(
        `${decision === 'approve' ? '已批准' : '已驳回'}：${nameOf(g.userId)}的${rolesText(g.added)}角色`,
      );
      reload();
    } catch (err) {
      setProblem(err as ApiError);
    }
  };
  const toggleRole = (u: UserRow, role: string, on: boolean) =>
    change(u, { roles: on ? [...u.roles, role] : u.roles.filter((r) => r !== role) });

  return (
    <div>
      {saved && <Notice tone="ok">{saved}</Notice>}
      {problem && <Problem error={problem} title="未能修改" />}
      {grants.data && grants.data.length > 0 && (
        <section className="card" aria-labelledby="role-grants-title">
          <h2 id="role-grants-title">待审批的角色申请</h2>
          <p className="muted small">
            检察长、部门负责人和管理员角色须由提出申请以外的另一名管理员批准后生效。
          </p>
          <ul>
            {grants.data.map((g) => (
              <li key={g.id}>
                {nameOf(g.userId)}：{rolesText(g.added)}
                {g.activate ? '（新建账户，批准后启用）' : ''} · {nameOf(g.requestedBy)} 于{' '}
                {chineseDate(g.requestedAt)}申请{' '}
                {g.requestedBy !== self.id && g.userId !== self.id ? (
                  <>
                    <button type="button" onClick={() => void decide(g, 'approve')}>
                      批准
                    </button>{' '}
                    <button type="button" onClick={() => void decide(g, 'reject')}>
                      驳回
                    </button>
                  </>
                ) : (
                  <span className="muted small">（须由另一名管理员审批）</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {users.error && <Problem error={users.error} />}
      {!users.data && !users.error && <Loading what="用户" />}
      {users.data && (
        <div className="filters" role="search" aria-label="查找用户">
          <ListSearch id="user-q" label="搜索用户" placeholder="姓名、用户名或邮箱" list={list} />
        </div>
      )}
      {users.data && <Pager list={list} what="用户" />}
      {users.data && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">本院用户</caption>
            <thead>
              <tr>
                <th scope="col">用户</th>
                {ROLES.map((r) => (
                  <th scope="col" key={r} className="center">
                    {roleLabel(r)}
                  </th>
                ))}
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                  <th scope="row">
                    {u.displayName} <span className="muted small">{u.username}</span>
                    <div className="muted small">
                      {u.email} · {chineseDate(u.createdAt)}创建{u.hasPassword ? '' : ' · 未设置密码'}
                    </div>
                  </th>
                  {ROLES.map((r) => (
                    <td key={r} className="center">
                      <input
                        type="checkbox"
                        aria-label={`${u.displayName}：${roleLabel(r)}`}
                        checked={u.roles.includes(r)}
                        disabled={u.id === self.id && r === 'admin'}
                        onChange={(e) => void toggleRole(u, r, e.target.checked)}
                      />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      disabled={u.id === self.id}
                      onClick={() => void change(u, { active: !u.active })}
                    >
                      {u.active ? '停用' : '启用'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!adding ? (
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          新建用户
        </button>
      ) : (
        schema.data && (
          <div className="card narrow">
            <h2>新建用户</h2>
            <SchemaForm
              schema={schema.data}
              labels={LABELS}
              choices={(f) =>
                f === 'roles' ? ROLES.map((r) => ({ value: r, label: roleLabel(r) })) : undefined
              }
              submitLabel="新建"
              onCancel={() => setAdding(false)}
              onSubmit={async (body) => {
                savedNotice('已新建用户', await api.post<Saved>('/api/users', body));
                setAdding(false);
                reload();
              }}
            />
          </div>
        )
      )}
    </div>
  );
}
