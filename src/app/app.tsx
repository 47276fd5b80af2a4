import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogQueryOptions, type Catalog } from '../catalog/catalog';
import { Breakdown } from '../features/breakdown/breakdown';
import { Controls } from '../features/controls/controls';
import { Faq } from '../features/faq/faq';
import { FitAdvice } from '../features/fit-advice/fit-advice';
import { GpuGrid } from '../features/gpu-grid/gpu-grid';
import { OffloadServing } from '../features/offload-serving/offload-serving';
import { SpeedLine } from '../features/speed/speed-line';
import { useWarmWeights } from '../features/hardware/use-warm-weights';
import { Method } from '../features/method/method';
import { ModelPicker } from '../features/model-picker/model-picker';
import { LazyQuantChart } from '../features/quant-chart/lazy-quant-chart';
import { QuantTable } from '../features/quant-table/quant-table';
import { RunIt } from '../features/run-it/run-it';
import { CatalogProvider } from '../features/shared/catalog-context';
import { CustomModelBanner } from '../features/custom-model/custom-model-banner';
import { SpecCard } from '../features/spec-card/spec-card';
import { ErrorBoundary } from './error-boundary';
import { LazyCustomModelCard, LazyHardwareView } from './lazy-views';
import { Notices } from './notices';
import { ThemeToggle } from './theme-toggle';
import { useSanitizeSelection } from './use-sanitize-selection';
import { ViewTabs } from './view-tabs';
import { useAppStore } from '../state/store';
import './app.css';

/** Application root: providers and the page shell. */
export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(
    () =>
      queryClient ??
      new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <div className="app">
        <header className="app__header">
          <div>
            <h1 className="app__title">LLM VRAM Calculator</h1>
            <p className="app__tagline muted">
              Can this open-weight model run on your GPU or computer, at which quantization and
              context length? Numbers that match what llama.cpp and vLLM allocate.
            </p>
          </div>
          <ThemeToggle />
        </header>
        <CatalogGate />
        <footer className="app__footer muted small">
          Estimates computed in your browser from published model configs, llama.cpp&apos;s
          quantization recipes and GPU datasheets; every figure names its source. No data leaves
          this page.
        </footer>
      </div>
    </QueryClientProvider>
  );
}

function CatalogGate() {
  const query = useQuery(catalogQueryOptions());
  if (query.isPending) {
    return (
      <div className="card app__loading" role="status" aria-live="polite">
        Loading models, quantizations and GPUs…
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="card app__error" role="alert">
        <p>
          <strong>The catalog could not be loaded.</strong> {query.error.message}
        </p>
        <button type="button" className="primary" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (query.data.models.length === 0 || query.data.quants.length === 0) {
    return (
      <div className="card app__error" role="alert">
        <p>
          <strong>The catalog has no usable models.</strong> Every entry failed validation; see the
          list below.
        </p>
        <ul>
          {query.data.issues.slice(0, 20).map((i) => (
            <li key={i.path}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <CatalogProvider catalog={query.data}>
      <Calculator catalog={query.data} />
    </CatalogProvider>
  );
}

function Calculator({ catalog }: { catalog: Catalog }) {
  useSanitizeSelection(catalog);
  // Weights of every model and quantization, computed in idle time so the hardware view's first
  // sweep and model switches find them cached.
  useWarmWeights(catalog.models, catalog.quants);
  const view = useAppStore((s) => s.view);
  return (
    <main className="app__main">
      <Notices />
      <ViewTabs />
      {view === 'hardware' ? (
        <ErrorBoundary label="hardware view">
          <LazyHardwareView />
        </ErrorBoundary>
      ) : (
        <CalculatorView />
      )}
    </main>
  );
}

function CalculatorView() {
  return (
    <>
      <section className="app__picker" aria-label="Model">
        <ErrorBoundary label="model picker">
          <ModelPicker />
        </ErrorBoundary>
        <ErrorBoundary label="bring your own model">
          <LazyCustomModelCard />
          <CustomModelBanner />
        </ErrorBoundary>
      </section>
      <div className="app__top">
        <ErrorBoundary label="model card">
          <SpecCard />
        </ErrorBoundary>
        <section className="card app__config" aria-labelledby="config-heading">
          <h2 id="config-heading">Your setup</h2>
          <ErrorBoundary label="controls">
            <Controls />
          </ErrorBoundary>
        </section>
        <section className="card app__breakdown" aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">Memory needed</h2>
          <ErrorBoundary label="breakdown">
            <Breakdown>
              <SpeedLine />
            </Breakdown>
          </ErrorBoundary>
        </section>
      </div>
      <section className="card" aria-labelledby="fit-heading">
        <h2 id="fit-heading">Longest context and what would make it fit</h2>
        <ErrorBoundary label="fit advice">
          <FitAdvice />
        </ErrorBoundary>
      </section>
      <section className="card" aria-labelledby="quant-heading">
        <h2 id="quant-heading">Quantizations</h2>
        <ErrorBoundary label="quantization table">
          <QuantTable />
        </ErrorBoundary>
        <ErrorBoundary label="chart">
          <LazyQuantChart />
        </ErrorBoundary>
      </section>
      <ErrorBoundary label="GPU grid">
        <GpuGrid />
      </ErrorBoundary>
      <section className="card" aria-labelledby="offload-heading">
        <h2 id="offload-heading">Offload to system RAM, and serving many users</h2>
        <ErrorBoundary label="offload and serving">
          <OffloadServing />
        </ErrorBoundary>
      </section>
      <section className="card" aria-labelledby="run-heading">
        <h2 id="run-heading">Run it</h2>
        <ErrorBoundary label="commands">
          <RunIt />
        </ErrorBoundary>
      </section>
      <ErrorBoundary label="questions">
        <Faq />
      </ErrorBoundary>
      <Method />
    </>
  );
}
