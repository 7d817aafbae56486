/**
 * One organ of the registry (/organs/:id): its contacts, its record, the cases that name it and
 * the recommendations it received this year. Admins edit, deactivate and reactivate it.
 */
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { reference } from '../api/reference';
import type { User } from '../api/session';
import type { Organ } from '../api/types';
import { hasAnyRole } from '../../../domain/roles';
import { Tag } from '../components/badges';
import { Loading, Problem } from '../components/problem';
import { chineseDateTime } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { useApi } from '../lib/use-api';
import { OrganCases } from './organ-cases';
import { OrganForm, ORGAN_KINDS } from './organ-form';

const isStaff = (u: User) => hasAnyRole(u.roles, ['prosecutor', 'head', 'chief', 'case_office']);

export function OrganDetailPage({ user, organId }: { user: User; organId: string }) {
  const organs = useApi(() => reference.organs(), []);
  const [editing, setEditing] = useState(false);
  const admin = hasAnyRole(user.roles, ['admin']);
  if (organId === 'new' && admin)
    return (
      <Frame title="登记行政机关">
        <OrganForm onSaved={(o) => navigate(`/organs/${o.id}`)} onCancel={() => navigate('/organs')} />
      </Frame>
    );
  if (organs.error) return <Problem error={organs.error} />;
  if (!organs.data) return <Loading what="行政机关" />;
  const organ = organs.data.find((o) => o.id === organId);
  if (!organ) return <Problem error={new ApiError(404, '本院没有这个行政机关')} />;
  const saved = () => {
    setEditing(false);
    organs.reload();
  };
  return (
    <Frame title={organ.name} inactive={!organ.active}>
      {editing ? (
        <OrganForm organ={organ} onSaved={saved} onCancel={() => setEditing(false)} />
      ) : (
        <Contacts organ={organ} admin={admin} onEdit={() => setEditing(true)} onChanged={saved} />
      )}
      {isStaff(user) && <OrganCases organ={organ} />}
    </Frame>
  );
}

function Frame({
  title,
  inactive,
  children,
}: {
  title: string;
  inactive?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section className="narrow">
      <p className="crumbs">
        <Link to="/organs">行政机关</Link> › {title}
      </p>
      <div className="page-head">
        <h1>{title}</h1>
        {inactive && <Tag>已停用</Tag>}
      </div>
      {children}
    </section>
  );
}

function Contacts(props: { organ: Organ; admin: boolean; onEdit: () => void; onChanged: () => void }) {
  const { organ } = props;
  const [error, setError] = useState<ApiError | null>(null);
  const setActive = async (active: boolean) => {
    try {
      await api.patch(`/api/organs/${encodeURIComponent(organ.id)}`, { active });
      reference.forget();
      props.onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  return (
    <div className="card">
      <dl className="pairs">
        <dt>类别</dt>
        <dd>{ORGAN_KINDS[organ.kind] ?? organ.kind}</dd>
        <dt>电子邮箱</dt>
        <dd>{organ.email ?? '—'}</dd>
        <dt>送达地址</dt>
        <dd>{organ.address ?? '—'}</dd>
        <dt>联系人</dt>
        <dd>{organ.contactName ?? '—'}</dd>
        <dt>联系电话</dt>
        <dd>{organ.phone ?? '—'}</dd>
        {organ.deactivatedAt && (
          <>
            <dt>停用时间</dt>
            <dd>{chineseDateTime(organ.deactivatedAt)}（不再作为新的检察建议的对象）</dd>
          </>
        )}
      </dl>
      {props.admin && (
        <div className="form-buttons">
          <button type="button" onClick={props.onEdit}>
            修改
          </button>
          {organ.active ? (
            <button type="button" onClick={() => void setActive(false)}>
              停用
            </button>
          ) : (
            <button type="button" onClick={() => void setActive(true)}>
              恢复使用
            </button>
          )}
        </div>
      )}
      {error && <Problem error={error} />}
    </div>
  );
}
