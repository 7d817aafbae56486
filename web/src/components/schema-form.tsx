/**
 * A form generated from a staff action's JSON Schema: one labelled control per field, the
 * organs, recommendations and clocks of the case offered as choices, checks before sending,
 * and the server's refusal shown above the button.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { JsonSchema } from '../api/reference';
import { ApiError } from '../api/client';
import { enumLabel } from '../lib/labels';
import { chineseDate } from '../lib/format';
import {
  clean,
  getAt,
  initial,
  isDate,
  kindOf,
  setAt,
  validate,
  type FieldError,
  type Path,
  type Value,
} from '../lib/schema-values';
import { Problem } from './problem';
import { DateInput } from './date-input';

export interface Choice {
  value: string;
  label: string;
}

/** Choices for fields that name something of the case (organId, recommendationId, clockKey). */
export type ChoicesFor = (field: string) => Choice[] | undefined;

const FIELD_LABELS: Record<string, string> = {
  approve: '决定',
  organIds: '行政机关',
  organId: '行政机关',
  recommendations: '检察建议',
  recommendationId: '检察建议',
  clockKey: '期限',
  reasons: '《办案规则》第八十二条情形',
  earlyGround: '整改期满前认定的依据',
  rectificationPeriod: '整改期限',
  by: '延长的期间',
  unit: '单位',
  count: '长度',
  urgent: '紧急情形（回复期限 15 日）',
  typical: '典型案例',
  appealedBy: '上诉人',
  plaintiff: '起诉的机关或组织',
  partyIds: '被告',
  forms: '支持起诉的方式',
  support: '支持起诉',
  handlerId: '新承办人',
  text: '备注',
  note: '说明',
};

/** A field's own description names it when the shared label is for a list and this one is text (a review's `reasons`). */
const sharedLabel = (name: string, s: JsonSchema) =>
  s.type === 'string' && s.description && name === 'reasons' ? undefined : FIELD_LABELS[name];

const labelOf = (ctx: Ctx, name: string, s: JsonSchema) =>
  ctx.labels?.[name] ?? sharedLabel(name, s) ?? s.description?.replace(/（.*?）$/, '') ?? name;
const hintOf = (ctx: Ctx, name: string, s: JsonSchema) => {
  const label = labelOf(ctx, name, s);
  return s.description && s.description !== label && !s.enum && !/^[a-z]/.test(s.description)
    ? s.description
    : undefined;
};

export function SchemaForm(props: {
  schema: JsonSchema;
  choices: ChoicesFor;
  submitLabel: string;
  onSubmit: (body: Value) => Promise<void>;
  onCancel?: () => void;
  /** Labels that differ from the schema's descriptions, by field name. */
  labels?: Record<string, string>;
  /** Values to start from instead of the schema's defaults, by top-level field name. */
  prefill?: Record<string, Value>;
}) {
  const formId = useId();
  const [value, setValue] = useState<Value>(() => ({
    ...(initial(props.schema) as Record<string, Value>),
    ...props.prefill,
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(props.schema, value);
    setErrors(found);
    setProblem(null);
    if (found.length > 0) {
      document.getElementById(fieldId(formId, found[0]!.path))?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(clean(props.schema, value) ?? {});
    } catch (err) {
      const p = err instanceof ApiError ? err : new ApiError(0, String(err));
      setProblem(p);
      setErrors(p.errors);
    } finally {
      setBusy(false);
    }
  };

  const ctx: Ctx = { formId, value, setValue, errors, choices: props.choices, labels: props.labels };
  return (
    <form className="schema-form" onSubmit={submit} noValidate aria-busy={busy}>
      {Object.entries(props.schema.properties ?? {}).map(([k, s]) => (
        <Field
          key={k}
          ctx={ctx}
          name={k}
          schema={s}
          path={[k]}
          required={props.schema.required?.includes(k) ?? false}
        />
      ))}
      {problem && <Problem error={problem} />}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在提交…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel} disabled={busy}>
            取消
          </button>
        )}
      </div>
    </form>
  );
}

interface Ctx {
  formId: string;
  value: Value;
  setValue: (update: (v: Value) => Value) => void;
  errors: FieldError[];
  choices: ChoicesFor;
  labels?: Record<string, string>;
}

const fieldId = (formId: string, path: string) => `${formId}-${path.replace(/\./g, '-')}`.replace(/:/g, '');

function Field(props: { ctx: Ctx; name: string; schema: JsonSchema; path: Path; required: boolean }) {
  const { ctx, name, schema, path, required } = props;
  const at = path.join('.');
  const id = fieldId(ctx.formId, at);
  const error = ctx.errors.find((e) => e.path === at)?.message;
  const value = getAt(ctx.value, path);
  const set = (v: Value) => ctx.setValue((all) => setAt(all, path, v));
  const label = labelOf(ctx, name, schema);
  const hint = hintOf(ctx, name, schema);
  const kind = kindOf(schema);
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'aria-required': required || undefined,
  };

  if (kind === 'object')
    return (
      <fieldset className="group">
        <legend>
          {label}
          {!required && <span className="optional">（选填）</span>}
        </legend>
        {Object.entries(schema.properties ?? {}).map(([k, s]) => (
          <Field
            key={k}
            ctx={ctx}
            name={k}
            schema={s}
            path={[...path, k]}
            required={schema.required?.includes(k) ?? false}
          />
        ))}
      </fieldset>
    );
  if (kind === 'array' && schema.items && kindOf(schema.items) === 'object')
    return <RepeatedGroup {...props} label={label} />;

  let control: ReactNode;
  const options = props.ctx.choices(name) ?? props.ctx.choices(name.replace(/s$/, ''));
  if (kind === 'array') {
    const list = (value as string[]) ?? [];
    const items: Choice[] =
      schema.items?.enum?.map((v) => ({ value: v, label: enumLabel(v) })) ?? options ?? [];
    control = (
      <div className="checks" role="group" aria-labelledby={`${id}-label`} {...common}>
        {items.length === 0 && <span className="muted">没有可选项</span>}
        {items.map((c, i) => (
          <label key={c.value} className="check">
            <input
              type="checkbox"
              id={i === 0 ? id : undefined}
              checked={list.includes(c.value)}
              onChange={(e) => set(e.target.checked ? [...list, c.value] : list.filter((x) => x !== c.value))}
            />
            {c.label}
          </label>
        ))}
      </div>
    );
  } else if (kind === 'boolean') {
    const [yes, no] = name === 'approve' ? ['同意', '不同意'] : ['是', '否'];
    control = (
      <div className="checks" role="radiogroup" aria-labelledby={`${id}-label`} {...common} id={undefined}>
        {[true, false].map((b) => (
          <label key={String(b)} className="check">
            <input
              type="radio"
              id={b ? id : undefined}
              name={id}
              checked={value === b}
              onChange={() => set(b)}
            />
            {b ? yes : no}
          </label>
        ))}
      </div>
    );
  } else if (schema.enum || options) {
    const items = schema.enum?.map((v) => ({ value: v, label: enumLabel(v) })) ?? options ?? [];
    control = (
      <select {...common} value={(value as string) ?? ''} onChange={(e) => set(e.target.value)}>
        <option value="">请选择…</option>
        {items.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  } else if (kind === 'integer' || kind === 'number') {
    control = (
      <input
        {...common}
        type="number"
        inputMode="numeric"
        min={schema.minimum}
        max={schema.maximum}
        value={(value as string) ?? ''}
        onChange={(e) => set(e.target.value)}
      />
    );
  } else if (isDate(schema)) {
    control = <DateInput {...common} value={(value as string) ?? ''} onChange={set} />;
  } else if ((schema.maxLength ?? 0) > 500) {
    control = (
      <textarea {...common} rows={3} value={(value as string) ?? ''} onChange={(e) => set(e.target.value)} />
    );
  } else {
    control = (
      <input {...common} type="text" value={(value as string) ?? ''} onChange={(e) => set(e.target.value)} />
    );
  }
  const grouped = kind === 'array' || kind === 'boolean';
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      {grouped ? (
        <span className="label" id={`${id}-label`}>
          {label}
          {!required && <span className="optional">（选填）</span>}
        </span>
      ) : (
        <label htmlFor={id} id={`${id}-label`}>
          {label}
          {!required && <span className="optional">（选填）</span>}
        </label>
      )}
      {control}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {isDate(schema) && typeof value === 'string' && value && (
        <span className="hint">{chineseDate(value)}</span>
      )}
      {error && (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function RepeatedGroup(props: { ctx: Ctx; name: string; schema: JsonSchema; path: Path; label: string }) {
  const { ctx, schema, path } = props;
  const list = (getAt(ctx.value, path) as Value[]) ?? [];
  const item = schema.items!;
  const set = (next: Value[]) => ctx.setValue((all) => setAt(all, path, next));
  const error = ctx.errors.find((e) => e.path === path.join('.'))?.message;
  return (
    <fieldset className="group">
      <legend>{props.label}</legend>
      {list.map((_, i) => (
        <fieldset className="group item" key={i}>
          <legend>
            第 {i + 1} 项
            {list.length > (schema.minItems ?? 0) && (
              <button type="button" className="link" onClick={() => set(list.filter((__, j) => j !== i))}>
                删除此项
              </button>
            )}
          </legend>
          {Object.entries(item.properties ?? {}).map(([k, s]) => (
            <Field
              key={k}
              ctx={ctx}
              name={k}
              schema={s}
              path={[...path, i, k]}
              required={item.required?.includes(k) ?? false}
            />
          ))}
        </fieldset>
      ))}
      {list.length < (schema.maxItems ?? 20) && (
        <button type="button" onClick={() => set([...list, initial(item)])}>
          添加一项
        </button>
      )}
      {error && <span className="error">{error}</span>}
    </fieldset>
  );
}
