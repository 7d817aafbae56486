import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

/** The server's refusal, as the sentence it wrote for the user. */
export function Problem({ error, title }: { error: ApiError; title?: string }) {
  return (
    <div className="problem" role="alert">
      {title && <strong>{title}：</strong>}
      {error.detail}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warn' | 'ok' }) {
  return (
    <div className={`notice ${tone}`} role={tone === 'warn' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ what = '数据' }: { what?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      正在加载{what}…
    </p>
  );
}
