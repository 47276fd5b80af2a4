import { useAppStore } from '../state/store';
import type { View } from '../state/selection';

const VIEWS: { id: View; label: string; hint: string }[] = [
  { id: 'calc', label: 'Model → hardware', hint: 'Pick a model: what does it need?' },
  { id: 'hardware', label: 'Hardware → models', hint: 'Pick your GPU: what can it run?' },
];

/** Switch between the calculator and the "what can my hardware run" view (URL key `view`). */
export function ViewTabs() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  return (
    <nav className="app__tabs" aria-label="View">
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          className={view === v.id ? 'app__tab is-active' : 'app__tab'}
          aria-pressed={view === v.id}
          onClick={() => setView(v.id)}
        >
          <span className="app__tab-label">{v.label}</span>
          <span className="app__tab-hint small muted">{v.hint}</span>
        </button>
      ))}
    </nav>
  );
}
