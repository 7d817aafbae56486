/**
 * The cases behind one figure of the statistics: what a click on a chart or a number opens. The
 * server pages them, twenty a page.
 */
import { api } from '../api/client';
import { stageLabel } from '../lib/labels';
import { Link } from '../lib/router';
import { Pager, useServerPages } from './paged-list';
import { Loading, Problem } from './problem';

/** The criteria of `GET /api/statistics/cases` (the figure and what narrows it). */
export type Figure = Record<string, string | undefined> & { figure: string };
export interface DrillDown {
  title: string;
  criteria: Figure;
}

interface FigureCases {
  total: number;
  items: { caseId: string; title: string; stage: string }[];
}

const PAGE_SIZE = 20;

export function DrillDownList({
  drill,
  period,
  onClose,
}: {
  drill: DrillDown;
  period: { from: string; to: string };
  onClose: () => void;
}) {
  const cases = useServerPages(
    (window) => api.get<FigureCases>('/api/statistics/cases', { ...period, ...drill.criteria, ...window }),
    [drill, period],
    PAGE_SIZE,
  );
  return (
    <aside className="card drill-down" aria-live="polite" aria-label={`${drill.title}的案件`}>
      <div className="inline">
        <h2>{drill.title}：案件</h2>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      {cases.error && <Problem error={cases.error} title="无法读取案件" />}
      {!cases.rows && !cases.error && <Loading what="案件" />}
      {cases.rows && cases.matching === 0 && <p className="muted">没有案件。</p>}
      {cases.rows && cases.rows.length > 0 && (
        <ol start={cases.page * PAGE_SIZE + 1}>
          {cases.rows.map((c) => (
            <li key={c.caseId}>
              <Link to={`/cases/${c.caseId}`}>{c.title}</Link>{' '}
              <span className="muted">（{stageLabel(c.stage)}）</span>
            </li>
          ))}
        </ol>
      )}
      {cases.rows && cases.matching > 0 && <Pager list={cases} what="案件" />}
    </aside>
  );
}
