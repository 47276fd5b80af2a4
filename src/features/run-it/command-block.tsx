import { memo, useRef, useState } from 'react';
import type { RuntimeCommand } from './commands';

type CopyState = 'idle' | 'copied' | 'manual';

function selectContents(el: HTMLElement | null): void {
  if (!el) return;
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * One runtime: its command in a code block (`data-command`, whose text is exactly what Copy
 * copies) with a Copy button, and short notes.
 */
export const CommandBlock = memo(function CommandBlock({ item }: { item: RuntimeCommand }) {
  const codeRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const command = item.command;
  // A status for an older command must not linger once the command changes.
  const shown = copiedText === command ? state : 'idle';

  const copy = async () => {
    if (command === null) return;
    setCopiedText(command);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(command);
      setState('copied');
    } catch {
      selectContents(codeRef.current);
      setState('manual');
    }
  };

  return (
    <section className="run-it__item" aria-labelledby={`run-it-${item.id}`}>
      <h3 className="run-it__runtime" id={`run-it-${item.id}`}>
        {item.runtime}
      </h3>
      {command !== null && (
        <div className="run-it__code-row">
          <pre className="run-it__pre">
            <code ref={codeRef} data-command={item.id}>
              {command}
            </code>
          </pre>
          <div className="run-it__actions">
            <button
              type="button"
              onClick={() => void copy()}
              aria-label={`Copy ${item.runtime} command`}
            >
              Copy
            </button>
            <span className="run-it__status small" role="status">
              {shown === 'copied' ? '✓ Copied' : shown === 'manual' ? 'Press Ctrl+C to copy' : ''}
            </span>
          </div>
        </div>
      )}
      <ul className={command === null ? 'run-it__notes' : 'run-it__notes muted small'}>
        {item.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
});
