import { useMemo } from 'react';
import { useCatalog, useResults } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { buildFaq } from './build-faq';
import './faq.css';

/** Questions and answers about the selected model on the selected device, at the chosen settings. */
export function Faq() {
  const catalog = useCatalog();
  const selected = useResults().selected;
  const unit = useAppStore((s) => s.unit);
  const entries = useMemo(
    () => buildFaq({ selected, quants: catalog.quants, devices: catalog.devices, unit }),
    [selected, catalog.quants, catalog.devices, unit],
  );
  if (entries.length === 0) return null;
  return (
    <div className="faq" data-testid="faq">
      {entries.map((e) => (
        <details key={e.question} className="faq__item">
          <summary className="faq__question">{e.question}</summary>
          <p className="faq__answer">{e.answer}</p>
        </details>
      ))}
    </div>
  );
}
