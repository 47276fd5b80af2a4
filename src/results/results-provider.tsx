import {
  createContext,
  startTransition,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Catalog } from '../catalog/catalog';
import type { Selection } from '../state/selection';
import { selectionOf, useAppStore } from '../state/store';
import { Results } from './results';
import { selectedFigures, type Selected } from './selected';

const CatalogContext = createContext<Catalog | null>(null);
const SelectedContext = createContext<Selected | null>(null);
const ResultsContext = createContext<Results | null>(null);

/**
 * The two clocks of the page, decided here by name:
 * - immediate: the selected configuration as the answer shows it (useSelected: its estimate, fit,
 *   speed and verdict) follows every store change in the same frame; it is one estimate, well
 *   under a millisecond, read only by the answer and the controls that show the current value;
 * - deferred: everything else (useResults: the breakdown and the other sections via
 *   `results.selected`, the quantization rows, every device, suggestions; the chart on top of it
 *   after the drag settles) follows a copy of the selection that is updated in a React
 *   transition, so a slider drag paints the slider and the answer first and recomputes the rest in
 *   an interruptible render. Deferred views read only this copy (a store read inside the
 *   transition would make React redo the render synchronously).
 */
export function ResultsProvider({ catalog, children }: { catalog: Catalog; children: ReactNode }) {
  const immediate = useAppStore(useShallow(selectionOf));
  const [deferred, setDeferred] = useState<Selection>(immediate);
  useEffect(() => {
    if (deferred !== immediate) startTransition(() => setDeferred(immediate));
  }, [immediate, deferred]);

  const selected = useMemo(() => selectedFigures(catalog, immediate), [catalog, immediate]);
  // Not keyed on `selected`: the comparisons must not follow the immediate clock.
  const usable = selected !== null;
  const results = useMemo(
    () => (usable ? new Results(catalog, deferred) : null),
    [catalog, deferred, usable],
  );
  return (
    <CatalogContext.Provider value={catalog}>
      <SelectedContext.Provider value={selected}>
        <ResultsContext.Provider value={results}>{children}</ResultsContext.Provider>
      </SelectedContext.Provider>
    </CatalogContext.Provider>
  );
}

/** The loaded catalog; views render only inside a ResultsProvider. */
export function useCatalog(): Catalog {
  const c = useContext(CatalogContext);
  if (!c) throw new Error('useCatalog must be used inside a ResultsProvider');
  return c;
}

/** The selected configuration and its figures, on the immediate clock (see ResultsProvider). */
export function useSelected(): Selected {
  const s = useContext(SelectedContext);
  if (!s)
    throw new Error('useSelected must be used inside a ResultsProvider with a usable catalog');
  return s;
}

/** The comparisons, on the deferred clock (see ResultsProvider). */
export function useResults(): Results {
  const r = useContext(ResultsContext);
  if (!r) throw new Error('useResults must be used inside a ResultsProvider with a usable catalog');
  return r;
}
