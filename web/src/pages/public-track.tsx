/** 查询办理情况 (/track): the status of a lead from the public, by its tracking code. */
import { useState, type FormEvent } from 'react';
import { PUBLIC_STATUS_LABELS, publicLeads, type PublicStatus } from '../api/public-leads';
import { Problem } from '../components/problem';
import { chineseDateTime } from '../lib/format';
import { navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/use-api';
import { PublicFrame } from './public-frame';

export function PublicTrackPage() {
  const { search } = useLocation();
  const code = search.get('code') ?? '';
  const [typed, setTyped] = useState(code);
  const found = useApi(() => (code ? publicLeads.status(code) : Promise.resolve(null)), [code]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/track?code=${encodeURIComponent(typed.trim())}`);
  };
  return (
    <PublicFrame title="查询办理情况">
      <form className="card public-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="code">查询码</label>
          <input
            id="code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="primary wide">
          查询
        </button>
      </form>
      {found.error && <Problem error={found.error} />}
      {found.data && <Status status={found.data} />}
    </PublicFrame>
  );
}

function Status({ status }: { status: PublicStatus }) {
  return (
    <section className="card" aria-label="办理情况" role="status">
      <dl className="pairs">
        <dt>查询码</dt>
        <dd>{status.code}</dd>
        <dt>办理情况</dt>
        <dd>
          <strong>{PUBLIC_STATUS_LABELS[status.status]}</strong>
        </dd>
        {status.declineReason && (
          <>
            <dt>理由</dt>
            <dd className="pre-wrap">{status.declineReason}</dd>
          </>
        )}
        <dt>提交时间</dt>
        <dd>{chineseDateTime(status.submittedAt)}</dd>
        <dt>最近更新</dt>
        <dd>{chineseDateTime(status.updatedAt)}</dd>
      </dl>
    </section>
  );
}
