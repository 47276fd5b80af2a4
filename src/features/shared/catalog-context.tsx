import { createContext, useContext, type ReactNode } from 'react';
import type { Catalog } from '../../catalog/catalog';

const CatalogContext = createContext<Catalog | null>(null);

/** Makes the loaded, validated catalog available to every view. */
export function CatalogProvider({ catalog, children }: { catalog: Catalog; children: ReactNode }) {
  return <CatalogContext.Provider value={catalog}>{children}</CatalogContext.Provider>;
}

/** The loaded catalog; views render only inside a CatalogProvider. */
export function useCatalog(): Catalog {
  const c = useContext(CatalogContext);
  if (!c) throw new Error('useCatalog must be used inside a CatalogProvider');
  return c;
}
