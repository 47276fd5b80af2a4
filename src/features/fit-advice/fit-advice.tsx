import type { Suggestion } from '../../domain/fit-suggestions';
import { gpusInUse } from '../../domain/fit';
import type { ModelSpec } from '../../domain/types';
import { useResults } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { suggestionText } from './suggestion-text';
import './fit-advice.css';

function apply(s: Suggestion, model: ModelSpec): void {
  const st = useAppStore.getState();
  switch (s.kind) {
    case 'quant':
      st.selectQuant(s.quant.id);
      return;
    case 'kv':
      st.setKvType(s.kvType);
      st.setFlashAttention(true);
      return;
    case 'context':
      st.setContext(s.contextTokens, model);
      return;
    case 'flash-attention':
      st.setFlashAttention(true);
      return;
    case 'cards':
      st.setCount(s.needed);
      return;
    case 'offload':
      return;
  }
}

/**
 * When the selected configuration does not fit the selected device: only the changes that make
 * it fit, each with the engine's figure and a button that applies it (results.ts suggestions).
 */
export function FitAdvice() {
  const results = useResults();
  const unit = useAppStore((st) => st.unit);
  const { resolved, hardware, fit } = results.selected;
  const { model, quant, device } = resolved;
  if (!device || !fit || fit.verdict !== 'no') return null;
  const list = results.suggestions;
  const ctx = {
    unit,
    deviceName: device.name,
    gpus: gpusInUse(device, hardware.count),
    quantLabel: quant.label,
  };
  return (
    <div className="fit-advice">
      <h3 className="fit-advice__heading">What would make it fit</h3>
      {list.length === 0 ? (
        <p className="muted small">
          Nothing here makes it fit {device.name}: no smaller quantization, cache type, context or
          offload at a usable speed is enough. Try a smaller model or a bigger device.
        </p>
      ) : (
        <ul className="fit-advice__list">
          {list.map((item) => {
            const t = suggestionText(item, ctx);
            return (
              <li key={item.kind} className="fit-advice__item">
                <div className="fit-advice__text">
                  <span className="fit-advice__title">{t.title}</span>{' '}
                  <span className="fit-advice__detail">{t.detail}</span>
                </div>
                {t.action && (
                  <button type="button" onClick={() => apply(item, model)}>
                    {t.action}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
