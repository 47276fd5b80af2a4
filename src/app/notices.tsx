import { useAppStore } from '../state/store';
import { useCatalog } from '../results/results-provider';

/**
 * Polite notice for share-URL values that were ignored (the contract's role="status"), and for
 * catalog entries that failed validation.
 */
export function Notices() {
  const urlNotices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotices);
  const { issues } = useCatalog();
  const all = urlNotices;
  return (
    <div className="app__notices">
      <div role="status" aria-live="polite">
        {all.length > 0 && (
          <div className="app__notice card">
            <p>Some settings in this link were ignored or changed; the page shows what applies:</p>
            <ul>
              {all.map((n, i) => (
                <li key={`${n.key}-${i}`}>
                  <code>{n.key}</code> = <code>{n.value}</code>: {n.reason}
                </li>
              ))}
            </ul>
            <button type="button" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {issues.length > 0 && (
        <details className="app__notice card" role="status">
          <summary>
            {issues.length} catalog {issues.length === 1 ? 'entry was' : 'entries were'} left out
            because {issues.length === 1 ? 'it is' : 'they are'} invalid
          </summary>
          <ul>
            {issues.map((i) => (
              <li key={i.path}>
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
