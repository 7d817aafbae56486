/**
 * A date field that reads the same under every browser locale: typed as 2026-01-01 (or 2026/1/1,
 * 2026年1月1日), confirmed beside it as 2026年1月1日, with the browser's calendar one click away.
 * A native date input would show 01/01/2026 under an English locale.
 */
import { useRef, useState, type InputHTMLAttributes } from 'react';
import { chineseDate, parseDateInput } from '../lib/format';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'onChange'> & {
  /** An ISO date, or what was typed when it is not one yet. */
  value?: string;
  /** The ISO date when the text is one, else the text itself (for the form's check to name). */
  onChange?: (value: string) => void;
};

export function DateInput({ value, onChange, name, className, ...rest }: Props) {
  const [text, setText] = useState(value ?? '');
  const picker = useRef<HTMLInputElement>(null);
  // A new value from outside (a reset, a prefill) replaces what was typed.
  const iso = parseDateInput(text);
  if (value !== undefined && value !== (iso ?? text)) setText(value);
  const update = (next: string) => {
    setText(next);
    onChange?.(parseDateInput(next) ?? next);
  };
  return (
    <span className={`date-input ${className ?? ''}`}>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="年-月-日，如 2026-01-01"
        value={text}
        onChange={(e) => update(e.target.value)}
      />
      {name && <input type="hidden" name={name} value={iso ?? text} />}
      <button
        type="button"
        className="date-pick"
        aria-label="从日历中选择日期"
        onClick={() => picker.current?.showPicker?.()}
      >
        {/* Drawn, not an emoji: a browser without a colour-emoji font showed a crossed box. */}
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" strokeWidth="2" fill="none" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-native"
        tabIndex={-1}
        aria-hidden="true"
        value={iso ?? ''}
        onChange={(e) => update(e.target.value)}
      />
      {iso && <span className="hint date-shown">{chineseDate(iso)}</span>}
    </span>
  );
}
