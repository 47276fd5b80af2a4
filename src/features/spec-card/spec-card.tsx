import { formatNumber, formatParams, formatTokens } from '../../domain/format';
import { useResolvedModel } from '../shared/use-calculator';
import { attentionLabel, moeLabel } from './attention-label';
import './spec-card.css';

/** The selected model's facts: publisher, size, architecture, context, licence and sources. */
export function SpecCard() {
  const { resolved } = useResolvedModel();
  const m = resolved.model;
  const moe = moeLabel(m.arch);
  return (
    <section className="card spec-card" aria-labelledby="spec-heading">
      <h2 id="spec-heading">{m.name}</h2>
      <dl className="spec-card__facts">
        <dt>Publisher</dt>
        <dd>{m.publisher}</dd>
        <dt>Family</dt>
        <dd>{m.family}</dd>
        <dt>Parameters</dt>
        <dd>
          {formatParams(m.totalParams)}
          {m.activeParams && m.arch.moe ? ` total · ${formatParams(m.activeParams)} active` : ''}
        </dd>
        <dt>Attention</dt>
        <dd>{attentionLabel(m.arch)}</dd>
        {moe && (
          <>
            <dt>Experts</dt>
            <dd>{moe}</dd>
          </>
        )}
        <dt>Layers</dt>
        <dd>
          {m.arch.layers} · hidden {formatNumber(m.arch.hidden)}
        </dd>
        <dt>Max context</dt>
        <dd>
          {formatTokens(m.maxContextTokens)} ({formatNumber(m.maxContextTokens)} tokens)
        </dd>
        <dt>Vocabulary</dt>
        <dd>{formatNumber(m.arch.vocab)}</dd>
        <dt>Released</dt>
        <dd>{m.releaseDate ?? 'not stated'}</dd>
        <dt>Licence</dt>
        <dd>{m.license ?? 'not stated'}</dd>
      </dl>
      <p className="spec-card__links small">
        <a href={`https://huggingface.co/${m.id}`} rel="noopener noreferrer" target="_blank">
          {m.id} on Hugging Face
        </a>
      </p>
      {m.caveats.length > 0 && (
        <details className="spec-card__caveats small">
          <summary>What the estimate cannot know exactly ({m.caveats.length})</summary>
          <ul>
            {m.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
