/** 我的案件: the handler's cases (or the whole procuratorate's) with their next deadline. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { reference } from '../api/reference';
import type { User } from '../api/session';
import type { CaseSummary, DirectoryUser, Domain, Organ } from '../api/types';
import { hasAnyRole } from '../../../domain/roles';
import { STAGES } from '../../../domain/case/stages';
import { DueBadge, Tag } from '../components/badges';
import { Loading, Problem } from '../components/problem';
import { stageLabel } from '../lib/labels';
import { namesFrom } from '../lib/people';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';

interface Filters {
  scope: 'mine' | 'all';
  stage: string;
  domain: string;
  organ: string;
  due: '' | 'overdue' | 'week' | 'provisional';
  q: string;
  sort: 'next_due' | 'created' | 'updated';
}

interface Page {
  items: CaseSummary[];
  nextCursor: string | null;
}

function query(f: Filters, cursor?: string) {
  return {
    handler: f.scope === 'mine' ? 'me' : undefined,
    stage: f.stage || undefined,
    domain: f.domain || undefined,
    organ: f.organ || undefined,
    overdue: f.due === 'overdue' ? 'true' : undefined,
    dueWithin: f.due === 'week' ? 7 : undefined,
    provisional: f.due === 'provisional' ? 'true' : undefined,
    q: f.q.trim() || undefined,
    sort: f.sort,
    cursor,
  };
}

export function CaseListPage({ user }: { user: User }) {
  const prosecutor = !hasAnyRole(user.roles, ['head', 'chief', 'case_office']);
  const canRegister = hasAnyRole(user.roles, ['prosecutor', 'head']);
  const [filters, setFilters] = useState<Filters>({
    scope: prosecutor ? 'mine' : 'all',
    stage: '',
    domain: '',
    organ: '',
    due: '',
    q: '',
    sort: 'next_due',
  });
  const [search, setSearch] = useState('');
  const [more, setMore] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const page = useApi(() => api.get<Page>('/api/cases', query(filters)), [filters]);
  const refs = useApi(() => Promise.all([reference.domains(), reference.organs(), reference.users()]), []);
  const [domains, organs, users] = refs.data ?? [[] as Domain[], [] as Organ[], [] as DirectoryUser[]];
  const nameOf = namesFrom(users, user);

  useEffect(() => {
    setMore([]);
    setCursor(page.data?.nextCursor ?? null);
  }, [page.data]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const loadMore = async () => {
    if (!cursor) return;
    const next = await api.get<Page>('/api/cases', query(filters, cursor));
    setMore((m) => [...m, ...next.items]);
    setCursor(next.nextCursor);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    set('q', search);
  };
  const rows = [...(page.data?.items ?? []), ...more];
  const domainName = (code: string) => domains.find((d) => d.code === code)?.name ?? code;
  const organName = (id: string) => organs.find((o) => o.id === id)?.name ?? id;

  return (
    <section>
      <div className="page-head">
        <h1>{filters.scope === 'mine' ? '我的案件' : '本院案件'}</h1>
        {canRegister && (
          <Link to="/cases/new" className="button primary">
            登记线索
          </Link>
        )}
      </div>
      <form className="filters" onSubmit={onSearch} role="search" aria-label="筛选案件">
        <div className="field">
          <label htmlFor="f-scope">范围</label>
          <select
            id="f-scope"
            value={filters.scope}
            onChange={(e) => set('scope', e.target.value as Filters['scope'])}
          >
            <option value="mine">我承办的</option>
            <option value="all">本院全部</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-stage">阶段</label>
          <select id="f-stage" value={filters.stage} onChange={(e) => set('stage', e.target.value)}>
            <option value="">全部阶段</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-domain">领域</label>
          <select id="f-domain" value={filters.domain} onChange={(e) => set('domain', e.target.value)}>
            <option value="">全部领域</option>
            {domains.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-organ">行政机关</label>
          <select id="f-organ" value={filters.organ} onChange={(e) => set('organ', e.target.value)}>
            <option value="">全部机关</option>
            {organs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-due">期限</label>
          <select
            id="f-due"
            value={filters.due}
            onChange={(e) => set('due', e.target.value as Filters['due'])}
          >
            <option value="">全部</option>
            <option value="overdue">已逾期</option>
            <option value="week">7 日内届满</option>
            <option value="provisional">暂定期限</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">排序</label>
          <select
            id="f-sort"
            value={filters.sort}
            onChange={(e) => set('sort', e.target.value as Filters['sort'])}
          >
            <option value="next_due">按最近期限</option>
            <option value="created">按登记时间</option>
            <option value="updated">按最近办理</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="f-q">搜索</label>
          <div className="inline">
            <input
              id="f-q"
              type="search"
              placeholder="案件名称或编号"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <button type="submit">搜索</button>
          </div>
        </div>
      </form>
      {page.error && <Problem error={page.error} title="无法读取案件列表" />}
      {page.loading && !page.data && <Loading what="案件" />}
      {page.data && rows.length === 0 && <p className="empty">没有符合条件的案件。</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="cases">
            <caption className="sr-only">案件列表</caption>
            <thead>
              <tr>
                <th scope="col">案件</th>
                <th scope="col">阶段</th>
                <th scope="col">行政机关</th>
                <th scope="col">领域</th>
                <th scope="col">最近期限</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className={c.overdue ? 'row-overdue' : undefined}>
                  <td>
                    <Link to={`/cases/${c.id}`} className="case-title">
                      {c.title}
                    </Link>
                    <div className="muted small">
                      {c.id}
                      {c.handlerId === user.id ? ' · 本人承办' : ` · 承办人：${nameOf(c.handlerId)}`}
                      {c.typical && <Tag tone="blue">典型案例</Tag>}
                      {c.alertCount > 0 && <Tag tone="red">告警 {c.alertCount}</Tag>}
                    </div>
                  </td>
                  <td>
                    <Tag>{stageLabel(c.stage)}</Tag>
                  </td>
                  <td>
                    {c.organIds.length ? (
                      c.organIds.map(organName).join('、')
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{domainName(c.domainCode)}</td>
                  <td>
                    <DueBadge due={c.nextDue} overdue={c.overdue} provisional={c.nextDueProvisional} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="more" onClick={() => void loadMore()}>
          加载更多
        </button>
      )}
    </section>
  );
}
