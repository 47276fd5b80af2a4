import { selectionOf, useAppStore } from './store';
import { DEFAULT_SELECTION, type Selection } from './selection';
import { decodeSelection, encodeSelection } from './url-codec';

let replaceNext = false;
let firstVisit = false;

/** Makes the next URL write replace the current history entry (fixing a link's values on load). */
export function replaceNextUrlWrite(): void {
  replaceNext = true;
}

/** Whether the page was opened without any query string (a first visit, not a shared link). */
export function isFirstVisit(): boolean {
  return firstVisit;
}

/** Delay before a context-slider change is written to the address bar, ms. */
const REPLACE_DEBOUNCE_MS = 200;

const SELECTION_KEYS = Object.keys(DEFAULT_SELECTION) as (keyof Selection)[];

/** Selection keys whose value differs between two states (cheap: runs on every store change). */
function changedKeys(a: Selection, b: Selection): (keyof Selection)[] {
  return SELECTION_KEYS.filter((k) => !Object.is(a[k], b[k]));
}

/** Keys whose changes only refine a view (search text, slider): they replace the history entry. */
const REPLACING_KEYS: ReadonlySet<keyof Selection> = new Set(['contextTokens', 'gridFind']);

/**
 * The one module that touches window.location and history. Reads the URL into the store at
 * start-up (rewriting the address bar at once when a value was ignored or clamped, so a re-shared
 * link carries what is applied), writes each change back (pushState for a discrete choice, so Back
 * restores it; replaceState, debounced, while the context slider moves or a search is typed), and
 * restores the store on back/forward. Returns a function that stops syncing.
 */
export function startUrlSync(): () => void {
  firstVisit = window.location.search === '' || window.location.search === '?';
  const initial = decodeSelection(window.location.search);
  useAppStore.getState().restore(initial.selection, initial.notices);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let restoring = false;
  const write = (s: Selection, mode: 'push' | 'replace') => {
    const qs = encodeSelection(s);
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`)
      return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };
  if (initial.rewrite) write(initial.selection, 'replace');

  const unsubscribe = useAppStore.subscribe((state, prev) => {
    if (restoring) return;
    const changed = changedKeys(state, prev);
    if (changed.length === 0) return;
    const next = selectionOf(state);
    if (replaceNext) {
      replaceNext = false;
      clearTimeout(timer);
      write(next, 'replace');
    } else if (changed.every((k) => REPLACING_KEYS.has(k))) {
      clearTimeout(timer);
      timer = setTimeout(
        () => write(selectionOf(useAppStore.getState()), 'replace'),
        REPLACE_DEBOUNCE_MS,
      );
    } else {
      clearTimeout(timer);
      write(next, 'push');
    }
  });

  const onPop = () => {
    const decoded = decodeSelection(window.location.search);
    restoring = true;
    useAppStore.getState().restore(decoded.selection, decoded.notices);
    restoring = false;
  };
  window.addEventListener('popstate', onPop);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
