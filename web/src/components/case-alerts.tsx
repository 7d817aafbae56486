import type { CaseAlert } from '../api/types';
import { chineseDateTime } from '../lib/format';

const KIND_TEXT: Record<CaseAlert['kind'], string> = {
  action_refused: '操作未生效',
  alarm_not_recorded: '提醒或期限事件未能记入时间线',
  mail_not_sent: '邮件未能发送',
};

const ERROR_TEXT: Record<string, string> = {
  DataRejected: '数据库无法保存其内容',
  JournalUnavailable: '数据库长时间不可用',
};

/** What the case could not record, so staff redo it or tell the administrator; names only, never data. */
export function CaseAlerts({ alerts, labels }: { alerts: CaseAlert[]; labels: Record<string, string> }) {
  if (alerts.length === 0) return null;
  return (
    <section className="notice warn" role="alert" aria-label="案件告警">
      <strong>案件告警：</strong>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.at}-${a.kind}-${a.subject}`}>
            {chineseDateTime(a.at)} {labels[a.subject] ?? a.subject}：{KIND_TEXT[a.kind]}（
            {ERROR_TEXT[a.errorType] ?? a.errorType}）
          </li>
        ))}
      </ul>
    </section>
  );
}
