import { useEffect } from 'react';
import type { Catalog } from '../catalog/catalog';
import { matchDeviceConfidently } from '../domain/match-device';
import { readRenderer } from './detect-hardware';
import { resolveSelection } from './resolve';
import { selectionOf, useAppStore } from './store';
import { isFirstVisit, replaceNextUrlWrite } from './url-sync';

/**
 * The device shown on a first visit when the browser's GPU cannot be told confidently: a common
 * 12 GB graphics card, marked as an example in the answer with one click to change it.
 */
export const EXAMPLE_DEVICE_ID = 'nvidia-rtx-4070';

/**
 * Once the catalog is loaded: drops ids from the link that it does not know (model, quant, gpu) and
 * clamps a context above the model's maximum, each with a notice, rewriting the address bar in
 * place; and on a first visit (no query string) fills in a device so the page answers at once:
 * the browser's GPU when its WebGL renderer string names one catalog device, else
 * {@link EXAMPLE_DEVICE_ID}; either is marked as such (store.autoDevice). Also re-checks ids after
 * back/forward.
 */
export function useCatalogSync(catalog: Catalog): void {
  useEffect(() => {
    const check = () => {
      const state = useAppStore.getState();
      const result = resolveSelection(selectionOf(state), catalog);
      if (!result || result.notices.length === 0) return;
      const keys = new Set(result.notices.map((n) => n.key));
      replaceNextUrlWrite();
      state.sanitizeIds(
        {
          model: keys.has('model'),
          quant: keys.has('quant'),
          gpu: keys.has('gpu'),
          custom: keys.has('custom'),
          contextTokens: keys.has('ctx') ? result.resolved.contextTokens : undefined,
        },
        result.notices,
      );
    };
    check();
    const s = useAppStore.getState();
    if (isFirstVisit() && s.gpuId === null && s.view === 'calc') {
      const detected = matchDeviceConfidently(readRenderer(), catalog.devices);
      const example = catalog.devices.some((d) => d.id === EXAMPLE_DEVICE_ID)
        ? EXAMPLE_DEVICE_ID
        : null;
      const id = detected ?? example;
      if (id) {
        replaceNextUrlWrite();
        s.assumeDevice(id, detected ? 'detected' : 'example');
      }
    }
    window.addEventListener('popstate', check);
    return () => window.removeEventListener('popstate', check);
  }, [catalog]);
}
