import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { CaseAlert, CaseDetail } from '../api/types';
import { chineseDateTime } from '../lib/format';
import { Problem } from './problem';

const KIND_TEXT: Record<CaseAlert['kind'], string> = {
  action_refused: '操作未生效',
  alarm_not_recorded: '提醒或期限事件未能记入时间线',
  mail_not_sent: '邮件未能发送',
};

const ERROR_TEXT: Record<string, string> = {
  DataRejected: '数据库无法保存其内容',
  JournalUnavailable: '数据库长时间不可用',
  MailUndelivered: '邮件服务器长时间未接收，邮件仍在待发队列中',
};

/**
 * What the case could not record, so staff redo it or tell the administrator; names only, never
 * data. Whoever may acknowledge an alert (handler, head, chief, case office) gets a 「确认」 on each.
 */
export function CaseAlerts(props: {
  caseId: string;
  alerts: CaseAlert[];
  labels: Record<string, string>;
  canAcknowledge: boolean;
  onDone: () => void;
}) {
  const { alerts, labels } = props;
  if (alerts.length === 0) return null;
  return (
    <section className="notice warn" role="alert" aria-label="案件告警">
      <strong>案件告警：</strong>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.at}-${a.kind}-${a.subject}`}>
            {chineseDateTime(a.at)} {labels[a.subject] ?? a.subject}：{KIND_TEXT[a.kind]}（
            {ERROR_TEXT[a.errorType] ?? a.errorType}）
            {props.canAcknowledge && <Acknowledge caseId={props.caseId} alert={a} onDone={props.onDone} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The case's workflow keeps failing to process its next step (found by the API's periodic scan):
 * nothing staff do moves the case until an administrator fixes the cause, so say so first.
 */
export function StuckCase({ stuck }: { stuck: NonNullable<CaseDetail['stuck']> }) {
  return (
    <section className="notice error" role="alert" aria-label="流程无法推进">
      <strong>本案办案流程无法推进：</strong>
      流程引擎处理本案的下一步时反复出错（已尝试 {stuck.attempt} 次
      {stuck.since ? `，自 ${chineseDateTime(stuck.since)} 起` : ''}
      ）。此期间提交的操作会被受理但不会生效，请联系系统管理员或案件管理部门。
      {(stuck.cause || stuck.error) && (
        <div className="stuck-error">错误信息：{[stuck.cause, stuck.error].filter(Boolean).join(' — ')}</div>
      )}
    </section>
  );
}

function Acknowledge({ caseId, alert, onDone }: { caseId: string; alert: CaseAlert; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const acknowledge = async (resend: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const { at, kind, subject } = alert;
      await api.post(`/api/cases/${caseId}/actions/acknowledgeAlert`, {
        at,
        kind,
        subject,
        ...(note.trim() ? { note } : {}),
        ...(resend ? { resend } : {}),
      });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="alert-acknowledge">
      {' '}
      <input
        aria-label="确认说明（可选）"
        placeholder="说明（可选）"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="button" disabled={busy} onClick={() => void acknowledge(false)}>
        确认
      </button>
      {alert.kind === 'mail_not_sent' && (
        <button type="button" disabled={busy} onClick={() => void acknowledge(true)}>
          确认并重新发送
        </button>
      )}
      {error && <Problem error={error} />}
    </span>
  );
}
