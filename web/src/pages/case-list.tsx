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
import { SelectField, type Choice } from '../components/select-field';
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

const SCOPES: Choice<Filters['scope']>[] = [
  { value: 'mine', label: '我承办的' },
  { value: 'all', label: '本院全部' },
];
const DUE: Choice<Filters['due']>[] = [
  { value: '', label: '全部' },
  { value: 'overdue', label: '已逾期' },
  { value: 'week', label: '7 日内届满' },
  { value: 'provisional', label: '暂定期限' },
];
const SORTS: Choice<Filters['sort']>[] = [
  { value: 'next_due', label: '按最近期限' },
  { value: 'created', label: '按登记时间' },
  { value: 'updated', label: '按最近办理' },
];

/** "All" (no filter) followed by one choice per item. */
function anyOf<T>(all: string, items: readonly T[], choice: (item: T) => [string, string]): Choice<string>[] {
  return [
    { value: '', label: all },
    ...items.map((item) => choice(item)).map(([value, label]) => ({ value, label })),
  ];
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
  const select = <K extends Exclude<keyof Filters, 'q'>>(
    key: K,
    label: string,
    choices: Choice<Filters[K]>[],
  ) => (
    <SelectField
      id={`f-${key}`}
      label={label}
      value={filters[key]}
      choices={choices}
      onChange={(v) => set(key, v)}
    />
  );
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
        {select('scope', '范围', SCOPES)}
        {select(
          'stage',
          '阶段',
          anyOf('全部阶段', STAGES, (s) => [s, stageLabel(s)]),
        )}
        {select(
          'domain',
          '领域',
          anyOf('全部领域', domains, (d) => [d.code, d.name]),
        )}
        {select(
          'organ',
          '行政机关',
          anyOf('全部机关', organs, (o) => [o.id, o.name]),
        )}
        {select('due', '期限', DUE)}
        {select('sort', '排序', SORTS)}
        <div className="field grow">
          <label htmlFor="f-q">搜索</label>
          <div className="inline">
            <input
              id="f-q"
              type="search"
              placeholder="案件名称、编号或线索内容"
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
