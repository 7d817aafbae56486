/**
 * Search and pages for a list the API hands over whole (a procuratorate's organs, users, public
 * leads…): the words typed narrow it, twenty rows a page. The case list pages on the server.
 */
import { useMemo, useState } from 'react';

export interface PagedList<T> {
  query: string;
  setQuery(query: string): void;
  /** The rows of the page shown. */
  rows: T[];
  /** How many rows match the words typed. */
  matching: number;
  page: number;
  pages: number;
  setPage(page: number): void;
}

export function usePagedSearch<T>(
  items: readonly T[] | undefined,
  textOf: (item: T) => string,
  pageSize = 20,
): PagedList<T> {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const needle = query.trim().toLowerCase();
  const matching = useMemo(
    () => (items ?? []).filter((item) => !needle || textOf(item).toLowerCase().includes(needle)),
    // textOf is a fresh closure each render; the rows change only with the items and the words.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, needle],
  );
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(page, pages - 1);
  return {
    query,
    setQuery: (next) => {
      setQuery(next);
      setPage(0);
    },
    rows: matching.slice(current * pageSize, (current + 1) * pageSize),
    matching: matching.length,
    page: current,
    pages,
    setPage,
  };
}

/** The search box of a list; `label` names what is searched. */
export function ListSearch<T>({
  id,
  label,
  placeholder,
  list,
}: {
  id: string;
  label: string;
  placeholder?: string;
  list: PagedList<T>;
}) {
  return (
    <div className="field grow list-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        placeholder={placeholder}
        value={list.query}
        onChange={(e) => list.setQuery(e.target.value)}
      />
    </div>
  );
}

/** 共 n 条 and, over more than one page, the previous and next page. */
export function Pager<T>({ list, what }: { list: PagedList<T>; what: string }) {
  return (
    <nav className="pager" aria-label={`${what}分页`}>
      <span role="status">
        {list.query.trim() ? `符合条件的${what}共 ${list.matching} 条` : `共 ${list.matching} 条`}
      </span>
      {list.pages > 1 && (
        <>
          <button type="button" disabled={list.page === 0} onClick={() => list.setPage(list.page - 1)}>
            上一页
          </button>
          <span>
            第 {list.page + 1} / {list.pages} 页
          </span>
          <button
            type="button"
            disabled={list.page >= list.pages - 1}
            onClick={() => list.setPage(list.page + 1)}
          >
            下一页
          </button>
        </>
      )}
    </nav>
  );
}
