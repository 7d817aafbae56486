/**
 * The handler's edits to a draft before the decision: a 检察建议书's free-text parts, its legal
 * basis (one citation a line, the common ones a tick away) and its items (one a line), a 起诉书's
 * claims (one a line). The form shows the parts the draft has.
 */
import { useState, type FormEvent } from 'react';
import { COMMON_LEGAL_BASES } from '../../../domain/documents/content';
import { ApiError, api } from '../api/client';
import { Problem } from '../components/problem';

export interface EditableParts {
  harmFacts?: string;
  nonPerformance?: string;
  legalBasis?: string;
  legalBases?: string[];
  items?: string[];
  otherMatters?: string;
  claims?: string[];
}

type TextPart = 'harmFacts' | 'nonPerformance' | 'otherMatters';
type ListPart = 'legalBases' | 'items' | 'claims';

/** The free-text parts (the legal basis is edited as its list of citations). */
export const EDITABLE_PARTS: { key: TextPart; label: string }[] = [
  { key: 'harmFacts', label: '侵害事实' },
  { key: 'nonPerformance', label: '不依法履职的事实和理由' },
  { key: 'otherMatters', label: '其他事项' },
];

export const LIST_PARTS: { key: ListPart; label: string; hint: string }[] = [
  { key: 'legalBases', label: '法律依据', hint: '每行一条' },
  { key: 'items', label: '建议事项', hint: '每行一项，编号自动生成' },
  { key: 'claims', label: '诉讼请求', hint: '每行一项，编号自动生成' },
];

/** The form's order: the document's. */
const ORDER = ['harmFacts', 'nonPerformance', 'legalBases', 'items', 'otherMatters', 'claims'];

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
  const fields = [
    ...texts.map((p) => ({ ...p, list: false, hint: '' })),
    ...lists.map((p) => ({ ...p, list: true })),
  ].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
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
      {fields.map((p) => (
        <div key={p.key}>
          <label>
            {p.list ? `${p.label}（${p.hint}）` : p.label}
            <textarea
              rows={p.list ? 5 : undefined}
              value={parts[p.key]}
              onChange={(e) => setParts({ ...parts, [p.key]: e.target.value })}
              disabled={busy}
              required
            />
          </label>
          {p.key === 'legalBases' && (
            <CommonCitations
              text={parts.legalBases ?? ''}
              disabled={busy}
              onChange={(text) => setParts({ ...parts, legalBases: text })}
            />
          )}
        </div>
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

/** The common citations as ticks: ticking one adds its line to the legal basis, unticking removes it. */
function CommonCitations({
  text,
  disabled,
  onChange,
}: {
  text: string;
  disabled: boolean;
  onChange: (text: string) => void;
}) {
  const chosen = lines(text);
  return (
    <fieldset className="common-citations">
      <legend className="small">常用法律依据</legend>
      {COMMON_LEGAL_BASES.map((c) => (
        <label key={c} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(c)}
            disabled={disabled}
            onChange={(e) =>
              onChange((e.target.checked ? [...chosen, c] : chosen.filter((l) => l !== c)).join('\n'))
            }
          />
          {c}
        </label>
      ))}
    </fieldset>
  );
}
