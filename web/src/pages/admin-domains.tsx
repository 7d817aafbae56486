/**
 * 公益诉讼领域: every domain with the version in force, the one scheduled next and how many came
 * before; an admin adds an exploratory (等外) domain or a new version of any domain.
 */
import { useState } from 'react';
import { api } from '../api/client';
import { reference } from '../api/reference';
import type { User } from '../api/session';
import type { AdminDomain, Domain } from '../api/types';
import { Tag } from '../components/badges';
import { Loading, Notice, Problem } from '../components/problem';
import { chineseDate, today } from '../lib/format';
import { namesFrom, type NameOf } from '../lib/people';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { useApi } from '../lib/use-api';
import { DomainVersionForm, NewDomainForm } from './admin-domain-forms';
import { PlatformOnlyNote } from './deadline-moves';

const tracks = (d: Domain) =>
  [d.allowsAdministrative && '行政', d.allowsCivil && '民事'].filter(Boolean).join('、');

export function AdminDomains({ self, canChange }: { self: User; canChange: boolean }) {
  const list = useApi(() => api.get<{ items: AdminDomain[] }>('/api/admin/domains'), []);
  const people = useApi(() => reference.users(), []);
  const nameOf = namesFrom(people.data ?? [], self);
  const paged = usePagedSearch(
    list.data?.items,
    (d) => `${d.code} ${d.versions.map((v) => v.name).join(' ')}`,
  );
  const [form, setForm] = useState<'new' | Domain | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const saved = (d: Domain) => {
    const when = d.inForceFrom > today() ? `，自${chineseDate(d.inForceFrom)}起施行` : '';
    setDone(`已保存：${d.name}（${d.code}）第 ${d.version} 版${when}。`);
    setForm(null);
    reference.forget();
    list.reload();
  };

  return (
    <div>
      {!canChange && <PlatformOnlyNote />}
      {done && <Notice tone="ok">{done}</Notice>}
      {canChange && form === null && (
        <p>
          <button type="button" className="primary" onClick={() => (setDone(null), setForm('new'))}>
            新增等外探索领域
          </button>
        </p>
      )}
      {form === 'new' && <NewDomainForm onDone={saved} onCancel={() => setForm(null)} />}
      {form !== null && form !== 'new' && (
        <DomainVersionForm domain={form} onDone={saved} onCancel={() => setForm(null)} />
      )}
      {list.error && <Problem error={list.error} />}
      {!list.data && !list.error && <Loading what="领域" />}
      {list.data && (
        <>
          <div className="filters" role="search" aria-label="查找领域">
            <ListSearch id="domain-q" label="搜索领域" placeholder="名称或代码" list={paged} />
          </div>
          <Pager list={paged} what="领域" />
        </>
      )}
      {list.data && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">公益诉讼领域</caption>
            <thead>
              <tr>
                <th scope="col">领域</th>
                <th scope="col">类别</th>
                <th scope="col">适用</th>
                <th scope="col">施行日期</th>
                <th scope="col">版本</th>
                {canChange && <th scope="col">操作</th>}
              </tr>
            </thead>
            <tbody>
              {paged.rows.map((d) => (
                <DomainRow
                  key={d.code}
                  domain={d}
                  nameOf={nameOf}
                  onEdit={canChange ? (v) => (setDone(null), setForm(v)) : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DomainRow(props: { domain: AdminDomain; nameOf: NameOf; onEdit?: (d: Domain) => void }) {
  const { domain, nameOf } = props;
  const shown = domain.current ?? domain.upcoming ?? domain.versions[0]!;
  const newest = domain.versions[0]!;
  return (
    <tr>
      <th scope="row">
        {shown.name} <code className="small">{domain.code}</code>
        {shown.basis && <div className="muted small">{shown.basis}</div>}
        {domain.upcoming && domain.current && (
          <div className="small">
            <Tag>待施行</Tag> {chineseDate(domain.upcoming.inForceFrom)}起：{domain.upcoming.name}，
            {tracks(domain.upcoming)}
          </div>
        )}
      </th>
      <td>{shown.statutory ? <Tag>法定</Tag> : <Tag tone="blue">等外探索</Tag>}</td>
      <td>
        {tracks(shown)}
        {shown.minLevel === 'city' && <div className="muted small">设区的市级以上检察院办理</div>}
      </td>
      <td>
        {chineseDate(shown.inForceFrom)}
        {!domain.current && <div className="muted small">尚未施行</div>}
      </td>
      <td className="small">
        第 {newest.version} 版{newest.createdBy && ` · ${nameOf(newest.createdBy)}`}
      </td>
      {props.onEdit && (
        <td>
          <button type="button" onClick={() => props.onEdit?.(newest)} aria-label={`新版本：${shown.name}`}>
            新版本
          </button>
        </td>
      )}
    </tr>
  );
}
