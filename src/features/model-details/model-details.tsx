import { useId } from 'react';
import { formatNumber, formatParams, formatTokens } from '../../domain/format';
import type { ModelSpec } from '../../domain/types';
import { useResolvedModel } from '../shared/use-calculator';
import { attentionLabel, moeLabel } from './attention-label';
import './spec-card.css';

function paramsText(m: ModelSpec): string {
  const total = formatParams(m.totalParams);
  if (!m.arch.moe || m.activeParams === null) return total;
  return `${total} total · ${formatParams(m.activeParams)} active`;
}

function contextText(tokens: number): string {
  const short = formatTokens(tokens);
  const exact = formatNumber(tokens);
  return short === exact ? `${exact} tokens` : `${short} (${exact} tokens)`;
}

/** The selected model's facts: publisher, size, architecture, context, licence, link and caveats. */
export function SpecCard() {
  const { resolved } = useResolvedModel();
  const headingId = useId();
  const caveatsId = useId();
  const m = resolved.model;
  const moe = moeLabel(m.arch);
  return (
    <section className="card spec-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.name}</h2>
      <dl className="spec-card__facts">
        <dt>Publisher</dt>
        <dd>{m.publisher}</dd>
        <dt>Family</dt>
        <dd>{m.family}</dd>
        <dt>Parameters</dt>
        <dd className="num">{paramsText(m)}</dd>
        <dt>Attention</dt>
        <dd>{attentionLabel(m.arch)}</dd>
        {moe && (
          <>
            <dt>Experts</dt>
            <dd>{moe}</dd>
          </>
        )}
        <dt>Layers</dt>
        <dd className="num">{formatNumber(m.arch.layers)}</dd>
        <dt>Hidden size</dt>
        <dd className="num">{formatNumber(m.arch.hidden)}</dd>
        <dt>Max context</dt>
        <dd className="num">{contextText(m.maxContextTokens)}</dd>
        <dt>Vocabulary</dt>
        <dd className="num">{formatNumber(m.arch.vocab)} tokens</dd>
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
        <div className="spec-card__caveats small">
          <p id={caveatsId} className="spec-card__caveats-title">
            Estimated — what the figures cannot know exactly:
          </p>
          <ul aria-labelledby={caveatsId}>
            {m.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
