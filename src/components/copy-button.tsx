import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `text()` to the clipboard and says so next to the button ("Copied", announced politely);
 * when the browser refuses (no clipboard permission, insecure page) it says that instead and shows
 * the text selected, ready for Ctrl+C.
 */
export function CopyButton({
  label,
  text,
  className,
}: {
  /** Accessible name and visible text, e.g. "Copy link". */
  label: string;
  text: () => string;
  className?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');
  const [fallback, setFallback] = useState<string | null>(null);
  const fallbackRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state === 'idle') return;
    // The confirmation goes away when the user moves on (next click anywhere or Escape).
    const reset = () => setState('idle');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setState('idle');
        setFallback(null);
      }
    };
    document.addEventListener('pointerdown', reset, { once: true });
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', reset);
      document.removeEventListener('keydown', onKey);
    };
  }, [state]);

  useEffect(() => {
    if (fallback !== null) fallbackRef.current?.select();
  }, [fallback]);

  const copy = () => {
    const value = text();
    const done = () => {
      setFallback(null);
      setState('copied');
    };
    const failed = () => {
      setFallback(value);
      setState('failed');
    };
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(value).then(done, failed);
    } else {
      failed();
    }
  };

  return (
    <span className={['copy', className].filter(Boolean).join(' ')}>
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span className="copy__status small" role="status" aria-live="polite">
        {state === 'copied' ? '✓ Copied' : state === 'failed' ? 'Copy it from the box:' : ''}
      </span>
      {fallback !== null && (
        <input
          ref={fallbackRef}
          className="copy__fallback"
          readOnly
          aria-label={`${label}: text to copy`}
          value={fallback}
        />
      )}
    </span>
  );
}
