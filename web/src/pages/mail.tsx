/** 邮件（开发）: what the embedded mail catcher caught, when the server runs in development mode. */
import { useState } from 'react';
import { api } from '../api/client';
import { Loading, Notice, Problem } from '../components/problem';
import { chineseDateTime } from '../lib/format';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { useApi } from '../lib/use-api';

interface Mail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export function MailPage() {
  const mail = useApi(() => api.get<{ items: Mail[] }>('/api/dev/mail', { limit: 200 }), []);
  const [open, setOpen] = useState<string | null>(null);
  const list = usePagedSearch(mail.data?.items, (m) => `${m.subject} ${m.to.join(' ')} ${m.text}`);
  return (
    <section>
      <div className="page-head">
        <h1>已发出的邮件（开发模式）</h1>
        <button type="button" onClick={mail.reload}>
          刷新
        </button>
      </div>
      <p className="muted">开发模式下，系统发出的提醒和回执由内置邮件捕获器收下，不会真正寄出。</p>
      {mail.error?.status === 404 && <Notice>本服务器未启用开发邮箱（生产环境不提供此功能）。</Notice>}
      {mail.error && mail.error.status !== 404 && <Problem error={mail.error} />}
      {mail.loading && !mail.data && <Loading what="邮件" />}
      {mail.data && mail.data.items.length === 0 && <p className="empty">还没有邮件。</p>}
      {mail.data && mail.data.items.length > 0 && (
        <>
          <div className="filters" role="search" aria-label="查找邮件">
            <ListSearch id="mail-q" label="搜索" placeholder="主题、收件人或正文" list={list} />
          </div>
          <Pager list={list} what="邮件" />
        </>
      )}
      <ul className="mail-list">
        {list.rows.map((m) => (
          <li key={m.id} className="card">
            <button
              type="button"
              className="mail-head"
              aria-expanded={open === m.id}
              onClick={() => setOpen(open === m.id ? null : m.id)}
            >
              <strong>{m.subject}</strong>
              <span className="muted small">
                {chineseDateTime(m.receivedAt)} · 收件人 {m.to.join('、')}
              </span>
            </button>
            {open === m.id && <pre className="mail-body">{m.text}</pre>}
          </li>
        ))}
      </ul>
    </section>
  );
}
