/**
 * What the organ's page shows staff about its cases: this year's record, the recommendations it
 * received this year and every case that names it. Both lists come a page at a time from the
 * server, which also searches them.
 */
import type { ReactNode } from 'react';
import { api } from '../api/client';
import type { CaseSummary, Organ, OrganRecord } from '../api/types';
import { DueBadge, Tag } from '../components/badges';
import { useCursorPages, type CursorPagedList } from '../components/cursor-pages';
import { ListSearch, Pager, useServerPages, type ServerPagedList } from '../components/paged-list';
import { Loading, Problem } from '../components/problem';
import { chineseDate, percent } from '../lib/format';
import { stageLabel } from '../lib/labels';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';

const PAGE_SIZE = 10;

interface FigureCases {
  total: number;
  items: { caseId: string; title: string; stage: string }[];
}

export function OrganCases({ organ }: { organ: Organ }) {
  const records = useApi(
    () => api.get<{ items: OrganRecord[]; period: { from: string; to: string } }>('/api/statistics/organs'),
    [],
  );
  const issued = useServerPages(
    (window, q) =>
      api.get<FigureCases>('/api/statistics/cases', { figure: 'issued', organId: organ.id, q, ...window }),
    [organ.id],
    PAGE_SIZE,
  );
  const cases = useCursorPages(
    (window, q) =>
      api.get<{ items: CaseSummary[]; nextCursor: string | null }>('/api/cases', {
        organ: organ.id,
        q,
        ...window,
      }),
    [organ.id],
    PAGE_SIZE,
  );
  if (records.error) return <Problem error={records.error} />;
  if (!records.data) return <Loading what="案件" />;
  const { period } = records.data;
  const record = records.data.items.find((r) => r.organId === organ.id);
  return (
    <>
      {record && (
        <div className="card">
          <h2>本年履职记录 {record.repeatOffender && <Tag tone="red">屡次不履职</Tag>}</h2>
          <p>
            检察建议 {record.recommendations} 件，按期回复 {record.repliedOnTime} 件，逾期或未回复{' '}
            {record.repliedLate + record.noReply} 件，整改到位 {record.rectified} 件（
            {percent(record.rectificationRate)}），被诉 {record.litigatedCases} 件。
          </p>
        </div>
      )}
      <SearchedList
        title={`本年发出的检察建议（${chineseDate(period.from)} 至 ${chineseDate(period.to)}）`}
        list={issued}
        search={{ id: 'issued-q', label: '搜索本年的检察建议' }}
        what="检察建议"
        empty="本年没有向该机关发出检察建议。"
      >
        {(rows) =>
          rows.map((c) => (
            <li key={c.caseId}>
              <Link to={`/cases/${c.caseId}`}>{c.title}</Link>{' '}
              <span className="muted small">{stageLabel(c.stage)}</span>
            </li>
          ))
        }
      </SearchedList>
      <SearchedList
        title="涉及该机关的案件"
        list={cases}
        search={{ id: 'organ-cases-q', label: '搜索涉及该机关的案件' }}
        what="案件"
        empty="没有涉及该机关的案件。"
      >
        {(rows) =>
          rows.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>{c.title}</Link>{' '}
              <span className="muted small">
                {c.id} · {stageLabel(c.stage)}
              </span>{' '}
              {c.nextDue && <DueBadge due={c.nextDue} overdue={c.overdue} />}
            </li>
          ))
        }
      </SearchedList>
    </>
  );
}

/**
 * A card of one of the lists: its search box and pages, or, when nothing at all is listed, `empty`
 * without a search box.
 */
function SearchedList<T>(props: {
  title: string;
  list: ServerPagedList<T> | CursorPagedList<T>;
  search: { id: string; label: string };
  what: string;
  empty: string;
  children: (rows: T[]) => ReactNode;
}) {
  const { list, what } = props;
  const none = !list.words && !list.loading && list.rows?.length === 0;
  return (
    <div className="card">
      <h2>{props.title}</h2>
      {list.error && <Problem error={list.error} title={`无法读取${what}`} />}
      {!list.rows && !list.error && <Loading what={what} />}
      {none && <p className="empty">{props.empty}</p>}
      {list.rows && !none && (
        <>
          <ListSearch id={props.search.id} label={props.search.label} list={list} />
          <Pager list={list} what={what} />
          {list.rows.length > 0 ? (
            <ul>{props.children(list.rows)}</ul>
          ) : (
            <p className="empty">没有符合条件的{what}。</p>
          )}
        </>
      )}
    </div>
  );
}
