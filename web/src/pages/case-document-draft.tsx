/**
 * The handler's edits to a draft before the decision: a 检察建议书's free-text parts and its items
 * (one a line), a 起诉书's claims (one a line). The form shows the parts the draft has.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { Problem } from '../components/problem';

export interface EditableParts {
  harmFacts?: string;
  nonPerformance?: string;
  legalBasis?: string;
  items?: string[];
  otherMatters?: string;
  claims?: string[];
}

type TextPart = 'harmFacts' | 'nonPerformance' | 'legalBasis' | 'otherMatters';
type ListPart = 'items' | 'claims';

export const EDITABLE_PARTS: { key: TextPart; label: string }[] = [
  { key: 'harmFacts', label: '侵害事实' },
  { key: 'nonPerformance', label: '不依法履职的事实和理由' },
  { key: 'legalBasis', label: '法律依据' },
  { key: 'otherMatters', label: '其他事项' },
];

export const LIST_PARTS: { key: ListPart; label: string }[] = [
  { key: 'items', label: '建议事项' },
  { key: 'claims', label: '诉讼请求' },
];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function DraftForm({
  path,
  title,
  start,
  onCancel,
  onSaved,
}: {
  /** The draft's address in the API. */
  path: string;
  title: string;
  start: EditableParts;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const texts = EDITABLE_PARTS.filter((p) => start[p.key] !== undefined);
  const lists = LIST_PARTS.filter((p) => start[p.key] !== undefined);
  const [parts, setParts] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const p of texts) out[p.key] = start[p.key] ?? '';
    for (const p of lists) out[p.key] = (start[p.key] ?? []).join('\n');
    return out;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = {};
      for (const p of texts) body[p.key] = parts[p.key];
      for (const p of lists) body[p.key] = lines(parts[p.key] ?? '');
      await api.put(path, body);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card document-edit" aria-label="修改文书草稿" onSubmit={(e) => void submit(e)}>
      <h3>修改草稿：{title}</h3>
      {texts.map((p) => (
        <label key={p.key}>
          {p.label}
          <textarea
            value={parts[p.key]}
            onChange={(e) => setParts({ ...parts, [p.key]: e.target.value })}
            disabled={busy}
            required
          />
        </label>
      ))}
      {lists.map((p) => (
        <label key={p.key}>
          {p.label}（每行一项，编号自动生成）
          <textarea
            rows={5}
            value={parts[p.key]}
            onChange={(e) => setParts({ ...parts, [p.key]: e.target.value })}
            disabled={busy}
            required
          />
        </label>
      ))}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {busy ? '正在保存…' : '保存草稿'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
      {error && <Problem error={error} />}
    </form>
  );
}
