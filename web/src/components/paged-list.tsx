/**
 * Search and pages for a list the API hands over whole (a procuratorate's organs, users…): the
 * words typed narrow it, twenty rows a page. Lists the server pages (the bell, the cases behind a
 * figure, the public leads) load one page at a time through `useServerPages`, under the same Pager,
 * and are searched on the server. Lists the server pages by a cursor: cursor-pages.ts.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../api/client';
import { useApi } from '../lib/use-api';

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

/** What the Pager shows and moves: a list paged in the browser or on the server. */
export type Pages = Pick<PagedList<unknown>, 'query' | 'matching' | 'page' | 'pages' | 'setPage'> & {
  /** The server does not count: `matching` and `pages` are those seen so far, and more follow. */
  uncounted?: boolean;
};

/** How long typing pauses before the words go to the server. */
const TYPING_PAUSE_MS = 300;

/** The words of a list's search box, and those sent once the typing pauses (trimmed). */
export function useServerSearch() {
  const [query, setQuery] = useState('');
  const [words, setWords] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setWords(query.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  return { query, setQuery, words };
}

/** One page as the server answers it (`limit` rows from `offset`), with how many there are in all. */
export interface ServerPage<T> {
  items: T[];
  total: number;
}

export interface ServerPagedList<T> extends Pages {
  setQuery(query: string): void;
  /** The words sent to the server (trimmed; empty for none), a moment after the typing. */
  words: string;
  /** The rows of the page shown; undefined until the first page has loaded. */
  rows: T[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Pages of a list the server pages: only the page shown is asked for, with the words searched
 * (`q`, empty for none). Other `deps` (another figure, another period) or other words make another
 * list, shown from its first page.
 */
export function useServerPages<T>(
  load: (window: { limit: number; offset: number }, q: string) => Promise<ServerPage<T>>,
  deps: readonly unknown[],
  pageSize = 20,
): ServerPagedList<T> {
  const search = useServerSearch();
  const key = JSON.stringify([...deps, search.words]);
  const [shown, setShown] = useState({ key, page: 0 });
  // A new list starts on its first page, before its first page is asked for.
  const page = shown.key === key ? shown.page : 0;
  if (shown.key !== key) setShown({ key, page: 0 });
  const loaded = useApi(
    () => load({ limit: pageSize, offset: page * pageSize }, search.words),
    [key, page, pageSize],
  );
  const total = loaded.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // Rows gone meanwhile (a shorter list): back to its last page.
  useEffect(() => {
    if (loaded.data && page > 0 && page >= pages) setShown({ key, page: pages - 1 });
  }, [loaded.data, page, pages, key]);
  return {
    query: search.query,
    setQuery: search.setQuery,
    words: search.words,
    rows: loaded.data?.items,
    matching: total,
    page,
    pages,
    setPage: (next) => setShown({ key, page: next }),
    error: loaded.error,
    loading: loaded.loading,
    reload: loaded.reload,
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
  list: Pick<PagedList<T>, 'query' | 'setQuery'>;
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

/** 共 n 条 (or, uncounted, how many so far) and, over more than one page, the previous and next page. */
export function Pager({ list, what }: { list: Pages; what: string }) {
  const which = list.query.trim() ? `符合条件的${what}` : '';
  return (
    <nav className="pager" aria-label={`${what}分页`}>
      <span role="status">
        {list.uncounted ? `${which}已列出 ${list.matching} 条，还有更多` : `${which}共 ${list.matching} 条`}
      </span>
      {list.pages > 1 && (
        <>
          <button type="button" disabled={list.page === 0} onClick={() => list.setPage(list.page - 1)}>
            上一页
          </button>
          <span>{list.uncounted ? `第 ${list.page + 1} 页` : `第 ${list.page + 1} / ${list.pages} 页`}</span>
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
