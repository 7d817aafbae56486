/**
 * The bell in the navigation bar: the number of unread notifications, and on a click the latest
 * of them, each linking to its case; opening one marks it read, and all can be marked at once.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../api/client';
import {
  fetchNotifications,
  markNotificationsRead,
  unreadNotifications,
  type AppNotification,
} from '../api/notifications';
import { Link } from '../lib/router';
import { Problem } from './problem';
import { chineseDateTime } from '../lib/format';

export function NotificationBell() {
  const count = useSyncExternalStore(unreadNotifications.subscribe, unreadNotifications.get);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const load = () =>
    fetchNotifications().then(
      (r) => {
        setItems(r.items);
        setError(null);
        unreadNotifications.set(r.unread);
      },
      (err: ApiError) => setError(err),
    );
  useEffect(() => {
    if (open) void load();
  }, [open]);
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

  const read = (ids?: string[]) =>
    markNotificationsRead(ids).then((r) => {
      unreadNotifications.set(r.unread);
      return load();
    }, setError);

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
      {open && (
        <div className="bell-panel" role="region" aria-label="通知">
          <div className="bell-head">
            <strong>通知</strong>
            <button type="button" onClick={() => void read()} disabled={!count}>
              全部标为已读
            </button>
          </div>
          {error && <Problem error={error} title="无法加载通知" />}
          {items && items.length === 0 && <p className="empty">暂无通知。</p>}
          {items && items.length > 0 && (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                  <Link
                    to={n.link ?? '/inbox'}
                    onClick={() => {
                      setOpen(false);
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
          <p className="bell-foot">
            <Link to="/settings" onClick={() => setOpen(false)}>
              通知邮件设置
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
