import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ModelSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { ramGbToBytes } from '../hardware/hardware-model';
import { useCatalog } from '../shared/catalog-context';
import { useResolved, useRunSettings } from '../shared/use-calculator';
import { suggestionText } from './suggestion-text';
import { fitSuggestions, type Suggestion } from './suggestions';

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

/** When the selected configuration does not fit: changes that would, each with its figure and a button to apply it. */
export function FitSuggestions() {
  const { quants } = useCatalog();
  const { resolved } = useResolved();
  const run = useRunSettings();
  const s = useAppStore(
    useShallow((st) => ({
      count: st.count,
      raisedLimit: st.raisedLimit,
      ramGb: st.ramGb,
      ramBandwidthGbS: st.ramBandwidthGbS,
      unit: st.unit,
    })),
  );
  const { model, quant, device } = resolved;
  const list = useMemo(
    () =>
      device
        ? fitSuggestions({
            model,
            quants,
            quantId: quant.id,
            run,
            device,
            count: s.count,
            usable: { raisedUnifiedLimit: s.raisedLimit },
            ramBytes: ramGbToBytes(s.ramGb),
            ramBandwidthGbS: s.ramBandwidthGbS,
          })
        : [],
    [model, quants, quant.id, run, device, s.count, s.raisedLimit, s.ramGb, s.ramBandwidthGbS],
  );
  if (!device || list.length === 0) return null;
  const ctx = {
    unit: s.unit,
    deviceName: device.name,
    gpus: s.count * Math.max(1, device.gpuCount),
    quantLabel: quant.label,
    ramGb: s.ramGb,
  };
  return (
    <div className="fit-advice__block">
      <h3 className="fit-advice__heading">What would make it fit</h3>
      <ul className="fit-advice__list">
        {list.map((item) => {
          const t = suggestionText(item, ctx);
          return (
            <li
              key={item.kind === 'kv' ? `kv-${item.kvType}` : item.kind}
              className="fit-advice__item"
            >
              <div className="fit-advice__text">
                <span className="fit-advice__title">{t.title}</span>{' '}
                <span className="num fit-advice__detail">{t.detail}</span>
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
    </div>
  );
}
