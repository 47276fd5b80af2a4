import { useMemo, type MouseEvent } from 'react';
import { formatNumber, formatParams, formatTokens } from '../../domain/format';
import { relatives } from '../../domain/related';
import type { ModelSpec } from '../../domain/types';
import { useCatalog, useResults } from '../../results/results-provider';
import { encodeSelection } from '../../state/url-codec';
import { selectionOf, useAppStore } from '../../state/store';
import { attentionLabel, moeLabel } from './attention-label';
import './model-details.css';

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

/** A share URL of the current page with another model (its recommended quantization). */
function modelHref(id: string): string {
  const s = { ...selectionOf(useAppStore.getState()), modelId: id, custom: null, quantId: null };
  return `?${encodeSelection(s)}`;
}

function ModelLinks({ models, label }: { models: readonly ModelSpec[]; label: string }) {
  const open = (e: MouseEvent<HTMLAnchorElement>, m: ModelSpec) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    useAppStore.getState().selectModel(m);
    document.getElementById('answer')?.focus();
  };
  return (
    <div className="model-details__links">
      <h3>{label}</h3>
      <ul>
        {models.map((m) => (
          <li key={m.id}>
            <a href={modelHref(m.id)} onClick={(e) => open(e, m)}>
              {m.name}
            </a>
            {m.derivation && <span className="muted small"> ({m.derivation})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The selected model: what it is (a two-line description, task tags), its facts (publisher, size,
 * architecture, context, release, licence), its relatives and derivatives in the catalog as links,
 * what the figures cannot know, the fields worked out rather than read, and the sources.
 */
export function ModelDetails() {
  const { models } = useCatalog();
  const { resolved } = useResults().selected;
  const m = resolved.model;
  const moe = moeLabel(m.arch);
  const rel = useMemo(() => relatives(m, models), [m, models]);
  const custom = m.id.startsWith('custom/');
  return (
    <div className="model-details">
      {m.description && <p className="model-details__description">{m.description}</p>}
      {m.tasks && m.tasks.length > 0 && (
        <ul className="model-details__tags" aria-label="Made for">
          {m.tasks.map((t) => (
            <li key={t} className="tag">
              {t}
            </li>
          ))}
        </ul>
      )}
      <dl className="model-details__facts">
        <div>
          <dt>Publisher</dt>
          <dd>{m.publisher}</dd>
        </div>
        <div>
          <dt>Family</dt>
          <dd>{m.family}</dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd className="num">{paramsText(m)}</dd>
        </div>
        <div>
          <dt>Attention</dt>
          <dd>{attentionLabel(m.arch)}</dd>
        </div>
        {moe && (
          <div>
            <dt>Experts</dt>
            <dd>{moe}</dd>
          </div>
        )}
        <div>
          <dt>Layers · hidden</dt>
          <dd className="num">
            {formatNumber(m.arch.layers)} · {formatNumber(m.arch.hidden)}
          </dd>
        </div>
        <div>
          <dt>Max context</dt>
          <dd className="num">{contextText(m.maxContextTokens)}</dd>
        </div>
        <div>
          <dt>Vocabulary</dt>
          <dd className="num">{formatNumber(m.arch.vocab)}</dd>
        </div>
        <div>
          <dt>Released</dt>
          <dd>{m.releaseDate ?? 'no date found'}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{m.license ?? 'no licence found'}</dd>
        </div>
      </dl>
      {!custom && (
        <p className="model-details__hub small">
          <a href={`https://huggingface.co/${m.id}`} rel="noopener noreferrer" target="_blank">
            {m.id} on Hugging Face
          </a>
        </p>
      )}
      {(rel.related.length > 0 || rel.derivatives.length > 0) && (
        <div className="model-details__relatives" data-testid="related">
          {rel.related.length > 0 && <ModelLinks models={rel.related} label="Related models" />}
          {rel.derivatives.length > 0 && (
            <ModelLinks models={rel.derivatives} label="Derivatives (distills, fine-tunes)" />
          )}
        </div>
      )}
      {(m.caveats.length > 0 || (m.inferred?.length ?? 0) > 0) && (
        <div className="model-details__caveats small">
          <p className="model-details__caveats-title">What the figures cannot know exactly:</p>
          <ul>
            {m.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
            {m.inferred?.map((f) => (
              <li key={f.field}>
                <code>{f.field}</code> is worked out, not published: {f.how}
              </li>
            ))}
          </ul>
        </div>
      )}
      {m.sources.length > 0 && (
        <details className="model-details__sources small">
          <summary>Sources ({m.sources.length})</summary>
          <ul>
            {m.sources.map((s) => (
              <li key={`${s.url}|${s.title}`}>
                <a href={s.url} rel="noopener noreferrer" target="_blank">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
