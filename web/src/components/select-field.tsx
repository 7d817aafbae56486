/** A labelled select in a form's row of fields, e.g. a filter of a list. */
export interface Choice<V extends string> {
  value: V;
  label: string;
}

export function SelectField<V extends string>(props: {
  id: string;
  label: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange: (value: V) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
