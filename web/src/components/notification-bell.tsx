/**
 * The bell in the navigation bar: the number of unread notifications, and on a click the latest
 * of them, twenty a page (the server pages them), each linking to its case; opening one marks it
 * read, and all can be marked at once.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../api/client';
import { fetchNotifications, markNotificationsRead, unreadNotifications } from '../api/notifications';
import { Link } from '../lib/router';
import { Pager, useServerPages } from './paged-list';
import { Problem } from './problem';
import { chineseDateTime } from '../lib/format';

const PAGE_SIZE = 20;

export function NotificationBell() {
  const count = useSyncExternalStore(unreadNotifications.subscribe, unreadNotifications.get);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const label = count ? `通知，${count} 条未读` : '通知';
  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-label={label}
        onClick={() => setOpen(!open)}
      >
        <svg
          className="bell-icon"
          viewBox="0 0 24 24"
          width="18"
          height="18"
          aria-hidden="true"
          focusable="false"
        >
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        <span aria-hidden="true">通知</span>
        {count !== null && count > 0 && (
          <span className="nav-count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
      {open && <BellPanel unread={count} close={() => setOpen(false)} />}
    </div>
  );
}

/** The open panel: one page of notifications, loaded when it opens and again after marking. */
function BellPanel({ unread, close }: { unread: number | null; close: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const list = useServerPages(
    async (window) => {
      const page = await fetchNotifications(window);
      unreadNotifications.set(page.unread);
      return page;
    },
    [],
    PAGE_SIZE,
  );
  const read = (ids?: string[]) =>
    markNotificationsRead(ids).then((r) => {
      unreadNotifications.set(r.unread);
      setError(null);
      list.reload();
    }, setError);
  const shown = error ?? list.error;
  return (
    <div className="bell-panel" role="region" aria-label="通知">
      <div className="bell-head">
        <strong>通知</strong>
        <button type="button" onClick={() => void read()} disabled={!unread}>
          全部标为已读
        </button>
      </div>
      {shown && <Problem error={shown} title="无法加载通知" />}
      {list.rows && list.matching === 0 && <p className="empty">暂无通知。</p>}
      {list.rows && list.rows.length > 0 && (
        <ul className="bell-list">
          {list.rows.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <Link
                to={n.link ?? '/inbox'}
                onClick={() => {
                  close();
                  if (!n.readAt) void read([n.id]);
                }}
              >
                {!n.readAt && <span className="sr-only">未读：</span>}
                {n.headline}
              </Link>
              {n.detail && <div className="bell-detail">{n.detail}</div>}
              <time dateTime={n.createdAt}>{chineseDateTime(n.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 && <Pager list={list} what="通知" />}
      <p className="bell-foot">
        <Link to="/settings" onClick={close}>
          通知邮件设置
        </Link>
      </p>
    </div>
  );
}
