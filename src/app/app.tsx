import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { catalogQueryOptions, type Catalog } from '../catalog/catalog';
import { weightsTableQueryOptions } from '../catalog/weights-table';
import { AnswerBar } from '../features/answer/answer-bar';
import { Breakdown } from '../features/breakdown/breakdown';
import { Controls } from '../features/controls/controls';
import { CustomModelBanner } from '../features/custom-model/custom-model-banner';
import { DeviceList } from '../features/device-list/device-list';
import { Faq } from '../features/faq/faq';
import { FitAdvice } from '../features/fit-advice/fit-advice';
import { Method } from '../features/method/method';
import { ModelDetails } from '../features/model-details/model-details';
import { ModelPicker } from '../features/model-picker/model-picker';
import { OffloadServing } from '../features/offload-serving/offload-serving';
import { LazyQuantChart } from '../features/quant-chart/lazy-quant-chart';
import { QuantTable } from '../features/quant-table/quant-table';
import { RunIt } from '../features/run-it/run-it';
import { ResultsProvider, useResults } from '../results/results-provider';
import { useCatalogSync } from '../state/catalog-sync';
import { useAppStore } from '../state/store';
import { ErrorBoundary } from './error-boundary';
import { LazyCustomModelCard, LazyHardwareView } from './lazy-views';
import { Notices } from './notices';
import { PageTitle } from './page-title';
import { SectionNav } from './section-nav';
import { ThemeToggle } from './theme-toggle';
import { ViewTabs } from './view-tabs';
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
      <a className="skip-link" href="#answer">
        Skip to the answer
      </a>
      <div className="app">
        <header className="app__header">
          <div>
            <h1 className="app__title">LLM VRAM Calculator</h1>
            <p className="app__tagline muted">
              Can this open-weight model run on your GPU or computer, at which quantization and
              context, and how fast? Figures that match what llama.cpp and vLLM allocate.
            </p>
          </div>
          <ThemeToggle />
        </header>
        <CatalogGate />
        <footer className="app__footer muted small">
          Computed in your browser from published model configs, llama.cpp&apos;s quantization
          recipes and GPU datasheets; every figure names its source. No data leaves this page.
        </footer>
      </div>
    </QueryClientProvider>
  );
}

function CatalogGate() {
  const query = useQuery(catalogQueryOptions());
  if (query.isPending) {
    // Inside a screen-tall main, so the footer is below the fold and nothing visible moves when
    // the page arrives.
    return (
      <main className="app__main">
        <div className="card app__loading" role="status" aria-live="polite">
          Loading models, quantizations and GPUs…
        </div>
      </main>
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
    <ResultsProvider catalog={query.data}>
      <Shell catalog={query.data} />
    </ResultsProvider>
  );
}

function Shell({ catalog }: { catalog: Catalog }) {
  useCatalogSync(catalog);
  // Weights of every model and quantization, computed by the build: fetched in the background.
  useQuery(weightsTableQueryOptions(catalog));
  const view = useAppStore((s) => s.view);
  return (
    <>
      <PageTitle />
      {view === 'calc' && (
        <ErrorBoundary label="answer">
          <AnswerBar />
        </ErrorBoundary>
      )}
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
    </>
  );
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="card app__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <ErrorBoundary label={id}>{children}</ErrorBoundary>
    </section>
  );
}

function ModelTitle() {
  return <>{useResults().selected.resolved.model.name}</>;
}

function CalculatorView() {
  return (
    <>
      <section id="setup" className="card app__setup" aria-label="Model and hardware">
        <div className="app__setup-model">
          <ErrorBoundary label="model picker">
            <ModelPicker />
            <CustomModelBanner />
            <LazyCustomModelCard />
          </ErrorBoundary>
        </div>
        <div className="app__setup-hw">
          <ErrorBoundary label="controls">
            <Controls />
          </ErrorBoundary>
        </div>
      </section>
      <SectionNav />
      <Section id="memory" title="Memory and speed">
        <Breakdown />
        <FitAdvice />
      </Section>
      <Section id="quants" title="Quantizations">
        <QuantTable />
        <LazyQuantChart />
      </Section>
      <Section id="devices" title="Which GPUs and computers run it">
        <DeviceList />
      </Section>
      <Section id="run" title="Run it">
        <RunIt />
      </Section>
      <Section id="model" title={<ModelTitle />}>
        <ModelDetails />
      </Section>
      <Section id="serving" title="Offload to system RAM, and serving many users">
        <OffloadServing />
      </Section>
      <Section id="faq" title="Questions">
        <Faq />
      </Section>
      <Method />
    </>
  );
}
