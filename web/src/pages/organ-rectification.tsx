/**
 * The rectification period on the organ's page: its end, the progress reported so far and the
 * requests for more time with the prosecutor's decisions; forms to add a report or a request. What
 * was sent is shown, never edited.
 */
import type { FormEvent } from 'react';
import { DateInput } from '../components/date-input';
import { chineseDate } from '../lib/format';

export interface Progress {
  seq: number;
  asOf: string;
  progress: string;
}

export interface ExtensionRequest {
  seq: number;
  until: string;
  reasons: string;
  decision: { decision: 'granted' | 'refused'; until: string | null; reason: string } | null;
}

export interface RectificationView {
  rectificationDue: string | null;
  progress: Progress[];
  extensionRequests: ExtensionRequest[];
}

/** The decision on a request, as the organ and the prosecutor read it. */
export function decisionText(r: ExtensionRequest): string {
  if (!r.decision) return '待检察机关决定（由本案承办检察官决定）';
  return r.decision.decision === 'granted'
    ? `已准予，整改期限延长至 ${chineseDate(r.decision.until)}（${r.decision.reason}）`
    : `未准予（${r.decision.reason}）`;
}

export function Rectification({
  view,
  send,
}: {
  view: RectificationView;
  send: (path: string, body: object, ok: string) => Promise<boolean>;
}) {
  const pending = view.extensionRequests.some((r) => !r.decision);
  const fields = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    return (k: string) => String(f.get(k) ?? '').trim();
  };
  return (
    <section aria-labelledby="organ-rectification-title">
      <h3 id="organ-rectification-title">整改情况</h3>
      {view.rectificationDue && <p>整改期限：{chineseDate(view.rectificationDue)}</p>}
      {view.progress.length > 0 && (
        <ul aria-label="已报送的整改进展">
          {view.progress.map((p) => (
            <li key={p.seq}>
              截至 {p.asOf}：{p.progress}
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="报送整改进展"
        onSubmit={async (e) => {
          const get = fields(e);
          const form = e.currentTarget;
          if (
            await send(
              '/api/organ/recommendation/progress',
              { asOf: get('asOf'), progress: get('progress') },
              '整改进展已报送',
            )
          )
            form.reset();
        }}
      >
        <DateInput name="asOf" aria-label="进展截至日期" required />
        <textarea name="progress" placeholder="整改进展" required maxLength={5000} />
        <button type="submit">报送进展（报送后不能修改）</button>
      </form>
      {view.extensionRequests.length > 0 && (
        <ul aria-label="延期申请">
          {view.extensionRequests.map((r) => (
            <li key={r.seq}>
              申请延长至 {chineseDate(r.until)}：{r.reasons}。{decisionText(r)}
            </li>
          ))}
        </ul>
      )}
      {!pending && (
        <form
          aria-label="申请延长整改期限"
          onSubmit={async (e) => {
            const get = fields(e);
            await send(
              '/api/organ/recommendation/extension-requests',
              { until: get('until'), reasons: get('reasons') },
              '延期申请已提交，请等待检察机关决定',
            );
          }}
        >
          <DateInput name="until" aria-label="申请延长至" required />
          <textarea name="reasons" placeholder="申请延期的理由" required maxLength={5000} />
          <button type="submit">申请延期</button>
        </form>
      )}
    </section>
  );
}
