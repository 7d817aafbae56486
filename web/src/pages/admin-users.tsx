import { useState } from 'react';
import { api, type ApiError } from '../api/client';
import type { User } from '../api/session';
import { ROLES } from '../../../domain/roles';
import { Loading, Notice, Problem } from '../components/problem';
import { SchemaForm } from '../components/schema-form';
import { openApi } from '../api/reference';
import { roleLabel } from '../lib/labels';
import { chineseDate } from '../lib/format';
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

  const change = async (u: UserRow, body: Record<string, unknown>) => {
    setProblem(null);
    try {
      await api.patch(`/api/users/${u.id}`, body);
      setSaved(`已修改：${u.displayName}`);
      users.reload();
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
      {users.error && <Problem error={users.error} />}
      {!users.data && !users.error && <Loading what="用户" />}
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
              {users.data.map((u) => (
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
                await api.post('/api/users', body);
                setAdding(false);
                setSaved('已新建用户');
                users.reload();
              }}
            />
          </div>
        )
      )}
    </div>
  );
}
