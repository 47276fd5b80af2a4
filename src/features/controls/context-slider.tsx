import { useId, useMemo, type KeyboardEvent } from 'react';
import { formatNumber, formatTokens } from '../../domain/format';
import { IntegerField } from '../../components/integer-field';
import { useSelected } from '../../results/results-provider';
import { MIN_CONTEXT } from '../../state/selection';
import { useAppStore } from '../../state/store';
import { buildStops, nearestStopIndex } from './context-stops';

/** "32K tokens (32,768)", or "512 tokens" when the compact form is already exact. */
function tokensText(tokens: number): string {
  const compact = formatTokens(tokens);
  const exact = formatNumber(tokens);
  return compact === exact ? `${exact} tokens` : `${compact} tokens (${exact})`;
}

/**
 * Context length: a log-scale slider over round stops (512, 768, 1K, 1.5K, ... the model's
 * maximum) and a typed field for any whole number of tokens.
 */
export function ContextSlider() {
  const { resolved, run } = useSelected();
  const { model } = resolved;
  const contextTokens = run.contextTokens;
  const maxTokens = Math.max(MIN_CONTEXT, model.maxContextTokens);
  const stops = useMemo(() => buildStops(maxTokens), [maxTokens]);
  const index = nearestStopIndex(stops, contextTokens);
  const id = useId();

  const setTokens = (tokens: number) => useAppStore.getState().setContext(tokens, model);
  const goTo = (i: number) => {
    const t = stops[Math.min(stops.length - 1, Math.max(0, i))];
    if (t !== undefined) setTokens(t);
  };

  // Handled here so that a value between stops (typed) steps to the neighbouring stop, and so
  // the keyboard behaves the same in every browser.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const next = stops.findIndex((s) => s > contextTokens);
    const prev = stops.findLastIndex((s) => s < contextTokens);
    const big = 3;
    const moves: Record<string, number> = {
      ArrowRight: next,
      ArrowUp: next,
      ArrowLeft: prev,
      ArrowDown: prev,
      PageUp: next === -1 ? -1 : next + big - 1,
      PageDown: prev === -1 ? -1 : prev - big + 1,
      Home: 0,
      End: stops.length - 1,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    if (target !== -1) goTo(target);
  };

  return (
    <div className="controls__context">
      <div className="controls__context-head">
        <label htmlFor={id} className="controls__label">
          Context length
        </label>
        <span className="controls__context-value num">
          {tokensText(contextTokens)}
          <span className="muted"> · max {formatTokens(maxTokens)}</span>
        </span>
      </div>
      <input
        id={id}
        type="range"
        className="controls__slider"
        min={0}
        max={stops.length - 1}
        step={1}
        value={index}
        aria-valuetext={tokensText(contextTokens)}
        onChange={(e) => goTo(e.target.valueAsNumber)}
        onKeyDown={onKeyDown}
      />
      <div className="controls__scale small muted" aria-hidden="true">
        <span>{formatTokens(MIN_CONTEXT)}</span>
        <span>{formatTokens(maxTokens)}</span>
      </div>
      <IntegerField
        label="Context tokens"
        className="field--inline"
        value={contextTokens}
        min={MIN_CONTEXT}
        max={maxTokens}
        onCommit={setTokens}
      />
    </div>
  );
}
