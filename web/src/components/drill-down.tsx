/** The cases behind one figure of the statistics: what a click on a chart or a number opens. */
import { api } from '../api/client';
import { stageLabel } from '../lib/labels';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';
import { Loading, Problem } from './problem';

/** The criteria of `GET /api/statistics/cases` (the figure and what narrows it). */
export type Figure = Record<string, string | undefined> & { figure: string };
export interface DrillDown {
  title: string;
  criteria: Figure;
}

interface FigureCases {
  items: { caseId: string; title: string; stage: string }[];
}

export function DrillDownList({
  drill,
  period,
  onClose,
}: {
  drill: DrillDown;
  period: { from: string; to: string };
  onClose: () => void;
}) {
  const cases = useApi(
    () => api.get<FigureCases>('/api/statistics/cases', { ...period, ...drill.criteria }),
    [drill, period],
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
      {!cases.data && !cases.error && <Loading what="案件" />}
      {cases.data && cases.data.items.length === 0 && <p className="muted">没有案件。</p>}
      {cases.data && cases.data.items.length > 0 && (
        <ol>
          {cases.data.items.map((c) => (
            <li key={c.caseId}>
              <Link to={`/cases/${c.caseId}`}>{c.title}</Link>{' '}
              <span className="muted">（{stageLabel(c.stage)}）</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
