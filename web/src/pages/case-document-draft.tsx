/** The handler's edits to a draft 检察建议书: its free-text parts, one recommendation per line. */
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { Problem } from '../components/problem';

export interface EditableParts {
  harmFacts: string;
  nonPerformance: string;
  legalBasis: string;
  items: string[];
  otherMatters: string;
}

export const EDITABLE_PARTS: { key: Exclude<keyof EditableParts, 'items'>; label: string }[] = [
  { key: 'harmFacts', label: '侵害事实' },
  { key: 'nonPerformance', label: '不依法履职的事实和理由' },
  { key: 'legalBasis', label: '法律依据' },
  { key: 'otherMatters', label: '其他事项' },
];

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
  const [parts, setParts] = useState({ ...start, items: start.items.join('\n') });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const items = parts.items
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      await api.put(path, { ...parts, items });
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
      {EDITABLE_PARTS.map((p) => (
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
      <label>
        建议事项（每行一项，编号自动生成）
        <textarea
          rows={5}
          value={parts.items}
          onChange={(e) => setParts({ ...parts, items: e.target.value })}
          disabled={busy}
          required
        />
      </label>
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
