import {
  createContext,
  startTransition,
  useContext,
  useEffect,
  useState,
  type ReactNode,
} from 'react';
import type { Catalog } from '../../catalog/catalog';
import { useAppStore } from '../../state/store';

const CatalogContext = createContext<Catalog | null>(null);
const DeferredContextTokens = createContext<number | null>(null);

/**
 * The context length, copied from the store into React state inside a transition. While the
 * slider moves only the slider re-renders at once; everything that reads this copy re-renders in
 * an interruptible transition. (Reading the store with useSyncExternalStore inside that render
 * would make React redo it synchronously whenever the store changes mid-render.)
 */
function useTransitionedContextTokens(): number | null {
  const [tokens, setTokens] = useState(() => useAppStore.getState().contextTokens);
  useEffect(() => {
    // The store is filled from the URL before the first render, so the initial state is current.
    return useAppStore.subscribe((s, prev) => {
      if (s.contextTokens !== prev.contextTokens) startTransition(() => setTokens(s.contextTokens));
    });
  }, []);
  return tokens;
}

/**
 * Makes the loaded, validated catalog available to every view, together with a deferred copy of
 * the context length (see useTransitionedContextTokens), so dragging the slider stays smooth.
 */
export function CatalogProvider({ catalog, children }: { catalog: Catalog; children: ReactNode }) {
  const deferred = useTransitionedContextTokens();
  return (
    <CatalogContext.Provider value={catalog}>
      <DeferredContextTokens.Provider value={deferred}>{children}</DeferredContextTokens.Provider>
    </CatalogContext.Provider>
  );
}

/** The loaded catalog; views render only inside a CatalogProvider. */
export function useCatalog(): Catalog {
  const c = useContext(CatalogContext);
  if (!c) throw new Error('useCatalog must be used inside a CatalogProvider');
  return c;
}

/** The chosen context length (unclamped, null = default), deferred while the slider moves. */
export function useDeferredContextTokens(): number | null {
  return useContext(DeferredContextTokens);
}
