import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Catalog } from '../src/catalog/catalog';
import { CatalogProvider } from '../src/features/shared/catalog-context';
import { resetAppStore, useAppStore } from '../src/state/store';
import type { Selection } from '../src/state/url-codec';
import { FIXTURE_CATALOG } from './fixtures/catalog';

/**
 * Renders a view inside a CatalogProvider with a reset store. `selection` presets store values.
 */
export function renderWithCatalog(
  ui: ReactElement,
  opts: { catalog?: Catalog; selection?: Partial<Selection> } & Omit<RenderOptions, 'wrapper'> = {},
) {
  resetAppStore();
  if (opts.selection) useAppStore.setState(opts.selection);
  const catalog = opts.catalog ?? FIXTURE_CATALOG;
  return render(<CatalogProvider catalog={catalog}>{ui}</CatalogProvider>, opts);
}
