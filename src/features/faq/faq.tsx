import { useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { useResolvedModel } from '../shared/use-calculator';
import { buildFaq } from './build-faq';
import './faq.css';

/** Generated questions and answers about the selected model (independent of the context slider). */
export function Faq() {
  const catalog = useCatalog();
  const model = useResolvedModel().resolved.model;
  const unit = useAppStore((s) => s.unit);
  const entries = useMemo(
    () => buildFaq({ model, quants: catalog.quants, devices: catalog.devices, unit }),
    [model, catalog.quants, catalog.devices, unit],
  );
  if (entries.length === 0) return null;
  return (
    <section className="card faq" aria-labelledby="faq-heading">
      <h2 id="faq-heading">Questions</h2>
      <div className="faq__list">
        {entries.map((e) => (
          <details key={e.question} className="faq__item">
            <summary className="faq__question">{e.question}</summary>
            <p className="faq__answer">{e.answer}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
