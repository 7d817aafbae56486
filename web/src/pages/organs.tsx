/** 行政机关: the registry, each organ's record, repeat non-performance highlighted (seed part 2.3). */
import { api } from '../api/client';
import { reference } from '../api/reference';
import type { OrganRecord } from '../api/types';
import { Tag } from '../components/badges';
import { Loading, Problem } from '../components/problem';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { percent, chineseDate } from '../lib/format';
import { useApi } from '../lib/use-api';
import { Link } from '../lib/router';
import type { User } from '../api/session';
import { hasAnyRole } from '../../../domain/roles';
import { ORGAN_KINDS as KINDS } from './organ-form';

export function OrgansPage({ user }: { user: User }) {
  const organs = useApi(() => reference.organs(), []);
  const records = useApi(
    () => api.get<{ items: OrganRecord[]; period: { from: string; to: string } }>('/api/statistics/organs'),
    [],
  );
  const list = usePagedSearch(organs.data ?? undefined, (o) =>
    [o.name, o.email, o.address, o.contactName, o.phone].filter(Boolean).join(' '),
  );
  if (organs.error) return <Problem error={organs.error} />;
  if (!organs.data) return <Loading what="行政机关名录" />;
  const recordOf = (id: string) => records.data?.items.find((r) => r.organId === id);
  const repeat = organs.data.filter((o) => recordOf(o.id)?.repeatOffender);
  return (
    <section>
      <div className="page-head">
        <h1>行政机关名录</h1>
        {hasAnyRole(user.roles, ['admin']) && (
          <Link className="button primary" to="/organs/new">
            登记行政机关
          </Link>
        )}
      </div>
      {repeat.length > 0 && (
        <div className="notice warn" role="alert">
          屡次不履职或整改后反弹：{repeat.map((o) => o.name).join('、')}
          。依照“屡次纠正未能落实的依法提起公益诉讼”，请重点关注。
        </div>
      )}
      {records.data && (
        <p className="muted">
          履职记录为本年（{chineseDate(records.data.period.from)} 至 {chineseDate(records.data.period.to)}
          ）的数字，按各事件的法定日期计入；其他期间见统计分析。
        </p>
      )}
      {records.error && <Problem error={records.error} title="无法读取履职记录" />}
      <div className="filters" role="search" aria-label="查找行政机关">
        <ListSearch id="organ-q" label="搜索" placeholder="名称、地址或联系人" list={list} />
      </div>
      <Pager list={list} what="行政机关" />
      <div className="table-wrap">
        <table>
          <caption className="sr-only">行政机关及其履职记录</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">送达地址</th>
              <th scope="col" className="num">
                检察建议
              </th>
              <th scope="col" className="num">
                按期回复
              </th>
              <th scope="col" className="num">
                逾期/未回复
              </th>
              <th scope="col" className="num">
                整改到位
              </th>
              <th scope="col" className="num">
                不履职
              </th>
              <th scope="col" className="num">
                反弹
              </th>
              <th scope="col" className="num">
                被诉案件
              </th>
              <th scope="col" className="num">
                按期回复率
              </th>
              <th scope="col" className="num">
                整改到位率
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((o) => {
              const r = recordOf(o.id);
              return (
                <tr key={o.id} className={r?.repeatOffender ? 'row-overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/organs/${o.id}`}>{o.name}</Link>{' '}
                    {r?.repeatOffender && <Tag tone="red">屡次不履职</Tag>} {!o.active && <Tag>已停用</Tag>}
                    <div className="muted small">{KINDS[o.kind] ?? o.kind}</div>
                  </th>
                  <td className="small">
                    {o.email ?? '—'}
                    {o.address && <div>{o.address}</div>}
                    {(o.contactName || o.phone) && (
                      <div>{[o.contactName, o.phone].filter(Boolean).join(' ')}</div>
                    )}
                  </td>
                  <td className="num">{r?.recommendations ?? '—'}</td>
                  <td className="num">{r?.repliedOnTime ?? '—'}</td>
                  <td className="num">{r ? `${r.repliedLate} / ${r.noReply}` : '—'}</td>
                  <td className="num">{r?.rectified ?? '—'}</td>
                  <td className="num">{r?.nonPerformance ?? '—'}</td>
                  <td className="num">{r?.rebounds ?? '—'}</td>
                  <td className="num">{r?.litigatedCases ?? '—'}</td>
                  <td className="num">{percent(r?.onTimeReplyRate)}</td>
                  <td className="num">{percent(r?.rectificationRate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
