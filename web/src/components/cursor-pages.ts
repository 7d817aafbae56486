/**
 * Pages of a list the server pages by a cursor (the cases): each page hands over the cursor of the
 * next, and the server does not count, so the Pager shows how many so far and whether more follow.
 * Searched on the server, as the lists of paged-list.tsx are.
 */
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { useApi } from '../lib/use-api';
import { useServerSearch, type Pages } from './paged-list';

/** One page as the server answers it: `nextCursor` asks for the next; null when there is none. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorPagedList<T> extends Pages {
  setQuery(query: string): void;
  /** The words sent to the server (trimmed; empty for none), a moment after the typing. */
  words: string;
  /** The rows of the page shown; undefined until the first page has loaded. */
  rows: T[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * `load` asks for the page after `cursor` (the first when undefined), `limit` rows, with the words
 * searched (`q`, empty for none). Other `deps` or other words make another list, from its first page.
 */
export function useCursorPages<T>(
  load: (window: { limit: number; cursor?: string }, q: string) => Promise<CursorPage<T>>,
  deps: readonly unknown[],
  pageSize = 20,
): CursorPagedList<T> {
  const search = useServerSearch();
  const key = JSON.stringify([...deps, search.words]);
  // The cursor of each page up to the one shown (the first page's is undefined).
  const [shown, setShown] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key,
    cursors: [undefined],
  });
  const cursors = shown.key === key ? shown.cursors : [undefined];
  if (shown.key !== key) setShown({ key, cursors });
  const page = cursors.length - 1;
  const cursor = cursors[page];
  const loaded = useApi(
    async () => ({ key, cursor, answer: await load({ limit: pageSize, cursor }, search.words) }),
    [key, cursor, pageSize],
  );
  // While another page loads, the page before stays in view, but its cursor leads nowhere now.
  const current = loaded.data?.key === key && loaded.data.cursor === cursor ? loaded.data.answer : undefined;
  const next = current?.nextCursor ?? null;
  const rows = loaded.data?.answer.items;
  return {
    query: search.query,
    setQuery: search.setQuery,
    words: search.words,
    rows,
    matching: page * pageSize + (current?.items.length ?? 0),
    page,
    pages: page + (next ? 2 : 1),
    uncounted: next !== null,
    setPage: (to) =>
      setShown({ key, cursors: to > page && next ? [...cursors, next] : cursors.slice(0, to + 1) }),
    error: loaded.error,
    loading: loaded.loading,
  };
}
