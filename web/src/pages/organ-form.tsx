/** The form of an organ in the registry: register one (POST /api/organs) or change it (PATCH). */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { reference } from '../api/reference';
import type { Organ } from '../api/types';
import { Problem } from '../components/problem';

export const ORGAN_KINDS: Record<string, string> = {
  administrative: '行政机关',
  subdistrict: '街道办事处/乡镇政府',
  other: '其他',
};

const FIELDS = [
  ['name', '名称', 'text'],
  ['email', '送达检察建议的电子邮箱', 'email'],
  ['address', '送达地址', 'text'],
  ['contactName', '联系人', 'text'],
  ['phone', '联系电话', 'tel'],
] as const;

/** `organ` absent: a new organ. On success the registry cache is dropped and `onSaved` gets the row. */
export function OrganForm(props: { organ?: Organ; onSaved: (o: Organ) => void; onCancel: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (name: string) => error?.errors.find((e) => e.path === name)?.message;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, string | null> = { kind: String(form.get('kind')) };
    // Emptied optional fields are cleared (null); the name is required and always sent.
    for (const [name] of FIELDS) {
      const value = String(form.get(name) ?? '').trim();
      body[name] = value || (name === 'name' ? value : null);
    }
    setBusy(true);
    setError(null);
    try {
      const saved = props.organ
        ? await api.patch<Organ>(`/api/organs/${encodeURIComponent(props.organ.id)}`, body)
        : await api.post<Organ>('/api/organs', body);
      reference.forget();
      props.onSaved(saved);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      aria-label={props.organ ? '修改行政机关' : '登记行政机关'}
    >
      {FIELDS.map(([name, label, type]) => (
        <div key={name} className={fieldError(name) ? 'field invalid' : 'field'}>
          <label htmlFor={`organ-${name}`}>
            {label} {name !== 'name' && <span className="optional">（选填）</span>}
          </label>
          <input
            id={`organ-${name}`}
            name={name}
            type={type}
            required={name === 'name'}
            defaultValue={props.organ?.[name] ?? ''}
          />
          {fieldError(name) && <span className="error">{fieldError(name)}</span>}
        </div>
      ))}
      <div className="field">
        <label htmlFor="organ-kind">类别</label>
        <select id="organ-kind" name="kind" defaultValue={props.organ?.kind ?? 'administrative'}>
          {Object.entries(ORGAN_KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {error && <Problem error={error} />}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在保存…' : '保存'}
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}
