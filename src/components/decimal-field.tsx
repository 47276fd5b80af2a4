import './field.css';
import { useId, useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../domain/format';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  hint?: string;
  onCommit: (v: number) => void;
}

/**
 * A labelled decimal `<input type="number">`: typing is free, a number in [min, max] is committed
 * on Enter or blur; anything else returns to the stored value with a short message.
 */
export function DecimalField({ label, value, min, max, step, hint, onCommit }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; value: number } | null>(null);
  const message = note && note.value === value ? note.text : null;

  const commit = () => {
    if (draft === null) return;
    const n = Number(draft.trim().replace(',', '.'));
    setDraft(null);
    if (draft.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      setNote({
        text: `Enter a number from ${formatNumber(min, 1)} to ${formatNumber(max, 1)}; kept ${String(value)}.`,
        value,
      });
      return;
    }
    setNote(null);
    if (n !== value) onCommit(n);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(null);
    }
  };

  const described = [hint ? `${id}-hint` : null, message ? `${id}-msg` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={draft ?? String(value)}
        aria-describedby={described || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <p id={`${id}-hint`} className="small muted field__hint">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-msg`} className="small field__message">
          {message}
        </p>
      )}
    </div>
  );
}
