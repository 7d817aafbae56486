/** One legal clock: its due date, how much time is left, and how the date was computed. */
import type { Clock } from '../api/types';
import { chineseDate, chineseDatesIn } from '../lib/format';
import { CLOCK_STATUS, EXPLANATION_KINDS } from '../lib/labels';
import { DueBadge, Tag } from './badges';

export function ClockCard({ clock }: { clock: Clock }) {
  const running = clock.status === 'running';
  const steps = (
    <ol className="explanation">
      {clock.explanation.map((s, i) => (
        <li key={i} className={`step-${s.kind}`}>
          <span className="kind">{EXPLANATION_KINDS[s.kind] ?? '说明'}</span>
          {chineseDatesIn(s.text)}
        </li>
      ))}
    </ol>
  );
  return (
    <article
      className={`clock ${clock.overdue ? 'overdue' : ''} ${running ? 'running' : 'settled'}`}
      aria-label={`期限：${clock.name}`}
    >
      <header>
        <h3>{clock.name}</h3>
        <Tag tone={running ? 'blue' : 'plain'}>{CLOCK_STATUS[clock.status] ?? clock.status}</Tag>
      </header>
      <p className="due-line">
        <span className="muted">届满日</span>{' '}
        {clock.due ? (
          running ? (
            <DueBadge due={clock.due} overdue={clock.overdue} provisional={clock.provisional} />
          ) : (
            <strong>{chineseDate(clock.due)}</strong>
          )
        ) : (
          <strong>{pausedText(clock)}</strong>
        )}
      </p>
      <p className="small">
        <span className="muted">起算事件日</span> {chineseDate(clock.start)}
        {clock.basis && (
          <>
            {' · '}
            <span className="muted">依据</span> {clock.basis}
          </>
        )}
      </p>
      {clock.provisional && (
        <p className="notice warn small">
          暂定期限：所涉年份的节假日安排尚未载入，目前仅按周末计算；载入后系统将重新计算并通知承办人。
        </p>
      )}
      {running ? (
        <div>
          <h4 className="sr-only">计算过程</h4>
          {steps}
        </div>
      ) : (
        <details>
          <summary>计算过程</summary>
          {steps}
        </details>
      )}
      <p className="versions small muted">
        期限目录 {clock.versions.catalogue} · 计算政策 {clock.versions.policy}
      </p>
    </article>
  );
}

/** Why a running clock has no due date: an appraisal under way (鉴定中) or a suspension. */
function pausedText(clock: Clock): string {
  const paused = clock.paused;
  if (paused?.kind === 'exclusion')
    return `${paused.label ?? '鉴定'}中，自 ${chineseDate(paused.since)} 起停止计算`;
  if (paused?.kind === 'suspension') return `中止审查，自 ${chineseDate(paused.since)} 起停止计算`;
  return '中止计算';
}
