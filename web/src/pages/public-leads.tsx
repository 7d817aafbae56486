/**
 * 群众线索 (/leads): the procuratorate's queue of leads from the public, and one lead with its
 * contact and attachments, to accept into a case (the 登记线索 form, prefilled) or to decline
 * with a reason the submitter reads with the tracking code.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, download } from '../api/client';
import { reference } from '../api/reference';
import type { User } from '../api/session';
import {
  PUBLIC_STATUS_LABELS,
  publicLeads,
  type PublicLeadStatus,
  type StaffLeadDetail,
} from '../api/public-leads';
import { hasAnyRole } from '../../../domain/roles';
import { Tag } from '../components/badges';
import { Loading, Problem } from '../components/problem';
import { ListSearch, Pager, useServerPages } from '../components/paged-list';
import { chineseDateTime } from '../lib/format';
import { Link, navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/use-api';

const FILTERS: [PublicLeadStatus | 'all', string][] = [
  ['received', '待评估'],
  ['under_evaluation', '评估中'],
  ['accepted', '已立案'],
  ['not_accepted', '未予受理'],
  ['all', '全部'],
];

const TONES: Record<PublicLeadStatus, string> = {
  received: 'red',
  under_evaluation: 'plain',
  accepted: 'blue',
  not_accepted: 'plain',
};

export function PublicLeadsPage() {
  const { search } = useLocation();
  const status = (search.get('status') ?? 'received') as PublicLeadStatus | 'all';
  const list = useServerPages((window, q) => publicLeads.queue(status, window, q), [status]);
  // Nothing of the status at all (no words typed): the list says so, not the pager.
  const none = !list.words && !list.loading && list.rows?.length === 0;
  return (
    <section>
      <h1>群众反映的线索</h1>
      <div className="filters" role="group" aria-label="按状态筛选">
        <div className="field">
          <label htmlFor="lead-status">状态</label>
          <select
            id="lead-status"
            value={status}
            onChange={(e) => navigate(`/leads?status=${e.target.value}`, { replace: true })}
          >
            {FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <ListSearch id="lead-q" label="搜索" placeholder="反映的问题或地点" list={list} />
      </div>
      {list.error && <Problem error={list.error} />}
      {!list.rows && !list.error && <Loading what="线索" />}
      {none && <p className="empty">没有这一状态的线索。</p>}
      {list.rows && !none && <Pager list={list} what="线索" />}
      {list.rows && !none && list.rows.length === 0 && <p className="empty">没有符合条件的线索。</p>}
      {list.rows && list.rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">群众反映的线索，先到先列</caption>
            <thead>
              <tr>
                <th scope="col">反映的问题</th>
                <th scope="col">地点</th>
                <th scope="col">状态</th>
                <th scope="col">附件</th>
                <th scope="col">提交时间</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    <Link to={`/leads/${encodeURIComponent(l.id)}`}>{excerpt(l.description)}</Link>
                  </th>
                  <td>{l.location}</td>
                  <td>
                    <Tag tone={TONES[l.status]}>{PUBLIC_STATUS_LABELS[l.status]}</Tag>
                  </td>
                  <td className="num">{l.attachmentCount}</td>
                  <td className="small">{chineseDateTime(l.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function PublicLeadPage({ user, leadId }: { user: User; leadId: string }) {
  const lead = useApi(() => publicLeads.detail(leadId), [leadId]);
  const domains = useApi(() => reference.domains(), []);
  if (lead.error) return <Problem error={lead.error} />;
  if (!lead.data) return <Loading what="线索" />;
  const l = lead.data;
  const open = l.status === 'received';
  const domain = domains.data?.find((d) => d.code === l.domainGuess)?.name ?? l.domainGuess;
  return (
    <section className="narrow">
      <p className="crumbs">
        <Link to="/leads">群众线索</Link> › 线索详情
      </p>
      <div className="page-head">
        <h1>群众反映的线索</h1>
        <Tag tone={TONES[l.status]}>{PUBLIC_STATUS_LABELS[l.status]}</Tag>
      </div>
      <div className="card">
        <p className="pre-wrap">{l.description}</p>
        <dl className="pairs">
          <dt>发生地点</dt>
          <dd>{l.location}</dd>
          <dt>反映人认为的领域</dt>
          <dd>{domain ?? '未填写'}</dd>
          <dt>提交时间</dt>
          <dd>{chineseDateTime(l.submittedAt)}</dd>
          <dt>联系方式</dt>
          <dd>{l.hasContact ? contactOf(l) : '未留联系方式'}</dd>
          {l.caseId && (
            <>
              <dt>据此登记的案件</dt>
              <dd>
                <Link to={`/cases/${l.caseId}`}>{l.caseId}</Link>
              </dd>
            </>
          )}
          {l.declineReason && (
            <>
              <dt>不予受理的理由</dt>
              <dd className="pre-wrap">
                {l.declineReason}
                {l.declinedAt && <div className="muted small">{chineseDateTime(l.declinedAt)}</div>}
              </dd>
            </>
          )}
        </dl>
      </div>
      <Attachments lead={l} />
      {open && <Triage user={user} lead={l} onDeclined={lead.reload} />}
    </section>
  );
}

const contactOf = (l: StaffLeadDetail) =>
  [l.contact.name, l.contact.phone, l.contact.email].filter(Boolean).join('，');

function Attachments({ lead }: { lead: StaffLeadDetail }) {
  const [error, setError] = useState<ApiError | null>(null);
  if (lead.attachments.length === 0) return null;
  const get = (n: number, name: string) =>
    download(`/api/leads/public/${encodeURIComponent(lead.id)}/attachments/${n}`, name).catch((e: unknown) =>
      setError(e instanceof ApiError ? e : new ApiError(0, String(e))),
    );
  return (
    <div className="card">
      <h2>附件</h2>
      <ul>
        {lead.attachments.map((a) => (
          <li key={a.n}>
            <button type="button" className="link" onClick={() => void get(a.n, a.fileName)}>
              下载 {a.fileName}
            </button>{' '}
            <span className="muted small">{Math.ceil(a.size / 1024)} KB</span>
          </li>
        ))}
      </ul>
      {error && <Problem error={error} />}
    </div>
  );
}

function Triage({ user, lead, onDeclined }: { user: User; lead: StaffLeadDetail; onDeclined: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!hasAnyRole(user.roles, ['prosecutor', 'head', 'chief'])) return null;
  const decline = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await publicLeads.decline(lead.id, reason.trim());
      onDeclined();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card">
      <h2>处理</h2>
      {hasAnyRole(user.roles, ['prosecutor', 'head']) && (
        <p>
          <Link className="button primary" to={`/cases/new?lead=${encodeURIComponent(lead.id)}`}>
            受理并登记为案件
          </Link>
        </p>
      )}
      <form onSubmit={decline}>
        <div className="field">
          <label htmlFor="decline-reason">不予受理的理由</label>
          <span className="hint">反映人凭查询码可以看到这段文字，请写给反映人看。</span>
          <textarea
            id="decline-reason"
            rows={3}
            maxLength={1000}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {error && <Problem error={error} />}
        <button type="submit" disabled={busy || !reason.trim()}>
          不予受理
        </button>
      </form>
    </div>
  );
}
