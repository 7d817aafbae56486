/**
 * 下级院 (the procuratorate above): every procuratorate below this one side by side for a period,
 * a drill-down to one's case list, and the cases this procuratorate assigned downward (上级交办).
 * Everything here only reads: the cases are run by the procuratorates that hold them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { CaseSummary } from '../api/types';
import { Tag } from '../components/badges';
import { DateInput } from '../components/date-input';
import { Loading, Problem } from '../components/problem';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { stageLabel } from '../lib/labels';
import { chineseDate, today } from '../lib/format';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';

interface Row {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  depth: number;
  filed: number;
  received: number;
  recommendations: { total: number; rectified: number; nonPerformance: number; litigated: number };
}

interface Figures {
  period: { from: string; to: string };
  procuratorates: Row[];
}

interface Assignment {
  caseId: string;
  procuratorate: string;
  assignedAt: string;
  instructions: string | null;
  case: CaseSummary | null;
}

const LEVELS: Record<string, string> = { province: '省级院', city: '市级院', district: '基层院' };

export function OversightPage() {
  const year = today().slice(0, 4);
  const [draft, setDraft] = useState({ from: `${year}-01-01`, to: today() });
  const [period, setPeriod] = useState(draft);
  const figures = useApi(() => api.get<Figures>('/api/oversight/figures', period), [period]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };
  return (
    <section aria-labelledby="oversight-title">
      <h1 id="oversight-title">下级院</h1>
      <p className="muted">本院监督的各下级院（含下级的下级）并列对比；点击院名查看其案件（只读）。</p>
      <form className="filters" onSubmit={apply} aria-label="统计期间">
        {(['from', 'to'] as const).map((end) => (
          <div className="field" key={end}>
            <label htmlFor={`o-${end}`}>{end === 'from' ? '自' : '至'}</label>
            <DateInput
              id={`o-${end}`}
              value={draft[end]}
              onChange={(v) => setDraft({ ...draft, [end]: v })}
            />
          </div>
        ))}
        <div className="field">
          <span className="label">&nbsp;</span>
          <button type="submit">查询</button>
        </div>
      </form>
      {figures.error && <Problem error={figures.error} title="无法读取下级院数据" />}
      {!figures.data && !figures.error && <Loading what="下级院数据" />}
      {figures.data && <FiguresTable figures={figures.data} />}
      <Assignments />
    </section>
  );
}

function FiguresTable({ figures }: { figures: Figures }) {
  if (figures.procuratorates.length === 0) return <p className="empty">本院没有下级院。</p>;
  return (
    <div className="table-wrap">
      <table className="cases" aria-label="各下级院数据">
        <caption>
          {chineseDate(figures.period.from)} 至 {chineseDate(figures.period.to)}
        </caption>
        <thead>
          <tr>
            <th scope="col">检察院</th>
            <th scope="col">受理线索</th>
            <th scope="col">立案</th>
            <th scope="col">检察建议</th>
            <th scope="col">已整改</th>
            <th scope="col">未履职</th>
            <th scope="col">提起诉讼</th>
          </tr>
        </thead>
        <tbody>
          {figures.procuratorates.map((p) => (
            <tr key={p.id}>
              <th scope="row" style={{ paddingLeft: `${p.depth - 0.5}em` }}>
                <Link to={`/oversight/${encodeURIComponent(p.id)}`}>{p.name}</Link>{' '}
                <span className="muted small">{LEVELS[p.level] ?? p.level}</span>
              </th>
              <td>{p.received}</td>
              <td>{p.filed}</td>
              <td>{p.recommendations.total}</td>
              <td>{p.recommendations.rectified}</td>
              <td>{p.recommendations.nonPerformance}</td>
              <td>{p.recommendations.litigated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The cases this procuratorate assigned downward, as they stand now. */
export function Assignments() {
  const list = useApi(() => api.get<Assignment[]>('/api/oversight/assignments'), []);
  const paged = usePagedSearch(list.data ?? undefined, (a) =>
    [a.case?.title, a.caseId, a.procuratorate, a.instructions].filter(Boolean).join(' '),
  );
  return (
    <section className="card" aria-labelledby="assigned-title">
      <h2 id="assigned-title">上级交办的案件</h2>
      {list.error && <Problem error={list.error} title="无法读取交办的案件" />}
      {list.data && list.data.length === 0 && <p className="empty">本院尚未向下级院交办案件。</p>}
      {list.data && list.data.length > 0 && (
        <>
          <ListSearch id="assigned-q" label="搜索交办的案件" list={paged} />
          <Pager list={paged} what="交办案件" />
        </>
      )}
      {paged.rows.length > 0 && (
        <ul className="plain">
          {paged.rows.map((a) => (
            <li key={a.caseId}>
              <Link to={`/cases/${encodeURIComponent(a.caseId)}`}>{a.case?.title ?? a.caseId}</Link>{' '}
              <span className="muted small">
                {a.procuratorate} 办理 · {a.case ? stageLabel(a.case.stage) : '登记中'}
                {a.instructions && ` · 交办要求：${a.instructions}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One lower procuratorate's cases, read only. */
export function OversightCasesPage({ procuratorateId }: { procuratorateId: string }) {
  const figures = useApi(() => api.get<Figures>('/api/oversight/figures'), []);
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [more, setMore] = useState<{ items: CaseSummary[]; cursor: string | null } | null>(null);
  const query = (cursor?: string) =>
    api.get<{ items: CaseSummary[]; nextCursor: string | null }>('/api/cases', {
      procuratorate: procuratorateId,
      sort: 'updated',
      q: q.trim() || undefined,
      cursor,
    });
  const cases = useApi(() => query(), [procuratorateId, q]);
  useEffect(() => setMore(null), [cases.data]);
  const cursor = more ? more.cursor : (cases.data?.nextCursor ?? null);
  const rows = [...(cases.data?.items ?? []), ...(more?.items ?? [])];
  const loadMore = async () => {
    if (!cursor) return;
    const next = await query(cursor);
    setMore({ items: [...(more?.items ?? []), ...next.items], cursor: next.nextCursor });
  };
  const name = figures.data?.procuratorates.find((p) => p.id === procuratorateId)?.name ?? procuratorateId;
  return (
    <section aria-labelledby="district-title">
      <p>
        <Link to="/oversight">← 下级院</Link>
      </p>
      <h1 id="district-title">{name}的案件</h1>
      <p className="muted">只读：案件由{name}办理，本院只能查看。</p>
      <form
        className="filters"
        role="search"
        aria-label="查找该院的案件"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed);
        }}
      >
        <div className="field grow">
          <label htmlFor="district-q">搜索</label>
          <div className="inline">
            <input
              id="district-q"
              type="search"
              placeholder="案件名称、编号或线索内容"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
            <button type="submit">搜索</button>
          </div>
        </div>
      </form>
      {cases.error && <Problem error={cases.error} title="无法读取案件" />}
      {cases.loading && !cases.data && <Loading what="案件" />}
      {cases.data && rows.length === 0 && (
        <p className="empty">{q.trim() ? '没有符合条件的案件。' : '该院没有案件。'}</p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="cases" aria-label={`${name}的案件`}>
            <thead>
              <tr>
                <th scope="col">案件</th>
                <th scope="col">阶段</th>
                <th scope="col">最近期限</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className={c.overdue ? 'row-overdue' : undefined}>
                  <td>
                    <Link to={`/cases/${encodeURIComponent(c.id)}`} className="case-title">
                      {c.title}
                    </Link>
                    <div className="muted small">{c.id}</div>
                  </td>
                  <td>
                    <Tag>{stageLabel(c.stage)}</Tag>
                  </td>
                  <td>{c.nextDue ? chineseDate(c.nextDue) : '—'}</td>
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
