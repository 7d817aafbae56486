import type { ReactNode } from 'react';
import { countdown, chineseDate } from '../lib/format';

/** The next deadline as a countdown, coloured: overdue red, within 7 days amber, provisional marked 暂定. */
export function DueBadge(props: {
  due: string | null;
  overdue?: boolean;
  provisional?: boolean;
  showDate?: boolean;
}) {
  const c = countdown(props.due, props.overdue);
  return (
    <span className="due">
      {props.showDate !== false && props.due && <span className="due-date">{chineseDate(props.due)}</span>}
      <span className={`badge ${c.urgency}`}>{c.text}</span>
      {props.provisional && (
        <span className="badge provisional" title="该年节假日安排尚未载入，仅按周末计算；载入后将重新计算">
          暂定
        </span>
      )}
    </span>
  );
}

export function Tag({ children, tone = 'plain' }: { children: ReactNode; tone?: string }) {
  return <span className={`tag ${tone}`}>{children}</span>;
}
