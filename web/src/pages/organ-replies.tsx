/**
 * What the organs answered online, beside each recommendation's numbered items, on the case page:
 * also their progress reports and requests for more time, with the decisions taken on them.
 */
import { api } from '../api/client';
import { useApi } from '../lib/use-api';
import { decisionText, type RectificationView } from './organ-rectification';
import { chineseDate } from '../lib/format';

interface OrganReply extends RectificationView {
  recommendationId: string;
  organId: string;
  items: string[];
  answers: {
    item: number;
    answer: 'accepted' | 'in_progress' | 'disputed';
    plan?: string;
    startsOn?: string;
    endsOn?: string;
    reasons?: string;
    at: string;
  }[];
  files: { id: string; name: string }[];
}

const LABELS = { accepted: '采纳，已整改', in_progress: '正在整改', disputed: '有异议' } as const;

export function OrganReplies({
  caseId,
  organName,
  decider,
  version,
}: {
  caseId: string;
  organName: (organId: string) => string;
  /** The case's handler, who decides an organ's request for more time. */
  decider: string;
  version: number;
}) {
  const { data } = useApi(
    () => api.get<OrganReply[]>(`/api/cases/${caseId}/organ-replies`),
    [caseId, version],
  );
  const shown = (data ?? []).filter(
    (r) => r.items.length > 0 || r.progress.length > 0 || r.extensionRequests.length > 0,
  );
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="organ-replies-title">
      <h2 id="organ-replies-title">被建议机关逐项答复</h2>
      {shown.map((r) => (
        <section key={r.recommendationId} className="card" aria-label={`逐项答复：${organName(r.organId)}`}>
          <h3>
            {organName(r.organId)}（{r.recommendationId}）
          </h3>
          <ol>
            {r.items.map((text, i) => {
              const a = r.answers.find((x) => x.item === i + 1);
              return (
                <li key={i}>
                  <span>{text}</span>
                  <p className={a ? '' : 'muted'}>
                    {a
                      ? `${LABELS[a.answer]}${a.plan ? `：${a.plan}（${chineseDate(a.startsOn)} 至 ${chineseDate(a.endsOn)}）` : ''}${a.reasons ? `：${a.reasons}` : ''}`
                      : '尚未答复'}
                  </p>
                </li>
              );
            })}
          </ol>
          {r.files.length > 0 && <p>整改材料：{r.files.map((f) => f.name).join('、')}（见证据材料）</p>}
          {r.rectificationDue && <p>整改期限：{chineseDate(r.rectificationDue)}</p>}
          {r.progress.length > 0 && (
            <ul aria-label="整改进展">
              {r.progress.map((p) => (
                <li key={p.seq}>
                  截至 {p.asOf}：{p.progress}
                </li>
              ))}
            </ul>
          )}
          {r.extensionRequests.length > 0 && (
            <ul aria-label="延期申请">
              {r.extensionRequests.map((x) => (
                <li key={x.seq}>
                  申请延长至 {chineseDate(x.until)}：{x.reasons}。{decisionText(x)}
                  {!x.decision && (
                    <strong className="decider">
                      由承办检察官{decider}在「办理」中决定是否准予延长
                      {r.rectificationDue
                        ? `；整改期限 ${chineseDate(r.rectificationDue)} 届满后只能不准延期`
                        : ''}
                    </strong>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
