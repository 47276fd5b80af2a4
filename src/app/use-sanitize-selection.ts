import { useEffect } from 'react';
import type { Catalog } from '../catalog/catalog';
import { resolveSelection } from '../state/resolve';
import { selectionOf, useAppStore } from '../state/store';
import { replaceNextUrlWrite } from '../state/url-sync';

/**
 * Once the catalog is loaded, drops ids from the link that it does not know (model, quant, gpu),
 * records a notice for each, and rewrites the address bar in place.
 */
export function useSanitizeSelection(catalog: Catalog): void {
  useEffect(() => {
    const check = () => {
      const result = resolveSelection(selectionOf(useAppStore.getState()), catalog);
      if (!result || result.notices.length === 0) return;
      const keys = new Set(result.notices.map((n) => n.key));
      replaceNextUrlWrite();
      useAppStore.getState().sanitizeIds(
        {
          model: keys.has('model'),
          quant: keys.has('quant'),
          gpu: keys.has('gpu'),
          custom: keys.has('custom'),
        },
        result.notices,
      );
    };
    check();
    window.addEventListener('popstate', check);
    return () => window.removeEventListener('popstate', check);
  }, [catalog]);
}
