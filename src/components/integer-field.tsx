import './field.css';
import { useId, useState, type KeyboardEvent } from 'react';
import { parseInteger } from './parse-integer';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (n: number) => void;
  /** Commit as soon as the text is a whole number in range (spinner clicks); otherwise on Enter/blur only. */
  commitWhileTyping?: boolean;
  className?: string;
}

/**
 * A labelled `<input type="number">` that accepts typing freely and commits a clamped integer on
 * Enter or blur, explaining any correction in an inline message.
 */
export function IntegerField({
  label,
  value,
  min,
  max,
  onCommit,
  commitWhileTyping,
  className,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  // A correction message belongs to the value it produced; it disappears once the value moves on.
  const [note, setNote] = useState<{ text: string; value: number } | null>(null);
  const message = note && note.value === value ? note.text : null;

  const commit = () => {
    if (draft === null) return;
    const parsed = parseInteger(draft, min, max, value);
    setDraft(null);
    setNote(parsed.message === null ? null : { text: parsed.message, value: parsed.value });
    if (parsed.value !== value) onCommit(parsed.value);
  };

  const onChange = (text: string) => {
    setDraft(text);
    if (!commitWhileTyping) return;
    const parsed = parseInteger(text, min, max, value);
    if (parsed.message === null && parsed.value !== value) {
      setNote(null);
      onCommit(parsed.value);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(null);
      setNote(null);
    }
  };

  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft ?? String(value)}
        aria-describedby={message ? `${id}-msg` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {message && (
        <p id={`${id}-msg`} className="field__message small">
          {message}
        </p>
      )}
    </div>
  );
}
