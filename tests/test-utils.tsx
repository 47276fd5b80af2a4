import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Catalog } from '../src/catalog/catalog';
import { weightsTableQueryOptions } from '../src/catalog/weights-table';
import { ResultsProvider } from '../src/results/results-provider';
import type { Selection } from '../src/state/selection';
import { resetAppStore, useAppStore } from '../src/state/store';
import { FIXTURE_CATALOG } from './fixtures/catalog';

/**
 * Renders a view inside a fresh QueryClient and a ResultsProvider with a reset store. `selection`
 * presets store values. The precomputed weights table counts as loaded (empty: weights are then
 * computed by the engine as needed), so no test fetches it.
 */
export function renderWithCatalog(
  ui: ReactElement,
  opts: { catalog?: Catalog; selection?: Partial<Selection> } & Omit<RenderOptions, 'wrapper'> = {},
) {
  resetAppStore();
  if (opts.selection) useAppStore.setState(opts.selection);
  const catalog = opts.catalog ?? FIXTURE_CATALOG;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(weightsTableQueryOptions(catalog).queryKey, 0);
  return render(
    <QueryClientProvider client={client}>
      <ResultsProvider catalog={catalog}>{ui}</ResultsProvider>
    </QueryClientProvider>,
    opts,
  );
}
