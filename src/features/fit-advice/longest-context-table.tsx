import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber, formatTokens } from '../../domain/format';
import type { DeviceSpec, ModelSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { useCatalog } from '../shared/catalog-context';
import { longestContextRows, type ContextRowInput } from './context-rows';

interface Props {
  model: ModelSpec;
  device: DeviceSpec;
  selectedQuantId: string;
}

/**
 * Longest context per quantization on the selected hardware. Independent of the context slider;
 * computed from a deferred copy of its inputs so other controls stay responsive.
 */
export function LongestContextTable({ model, device, selectedQuantId }: Props) {
  const { quants } = useCatalog();
  const s = useAppStore(
    useShallow((st) => ({
      count: st.count,
      parallel: st.parallel,
      kvType: st.kvType,
      flashAttention: st.flashAttention,
      raisedLimit: st.raisedLimit,
    })),
  );
  const input = useMemo<ContextRowInput>(
    () => ({
      model,
      quants,
      device,
      count: s.count,
      parallel: s.parallel,
      kvType: s.kvType,
      flashAttention: s.flashAttention,
      usable: { raisedUnifiedLimit: s.raisedLimit },
    }),
    [model, quants, device, s],
  );
  const deferred = useDeferredValue(input);
  const rows = useMemo(() => longestContextRows(deferred), [deferred]);
  const full = formatTokens(deferred.model.maxContextTokens);
  const gpus = s.count * Math.max(1, device.gpuCount);

  return (
    <div className="fit-advice__block">
      <h3 className="fit-advice__heading">Longest context per quantization</h3>
      <p className="small muted fit-advice__note">
        On {gpus > 1 ? `${formatNumber(gpus)} GPUs of ` : ''}
        {device.name}, {s.parallel > 1 ? `${formatNumber(s.parallel)} sequences, ` : ''}
        {s.kvType} KV cache, flash attention {s.flashAttention ? 'on' : 'off'}.
      </p>
      <div className="scroll-x fit-advice__table-wrap" aria-busy={deferred !== input}>
        <table className="fit-advice__table">
          <thead>
            <tr>
              <th scope="col">Quantization</th>
              <th scope="col" className="num">
                Longest context
              </th>
              <th scope="col">Full context ({full})?</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.quant.id}
                className={r.quant.id === selectedQuantId ? 'fit-advice__row--current' : undefined}
                data-max-context={r.maxContextTokens}
              >
                <th scope="row">
                  {r.quant.label}
                  {r.quant.id === selectedQuantId && (
                    <span className="small muted"> (selected)</span>
                  )}
                </th>
                <td className="num">
                  {r.maxContextTokens > 0 ? formatTokens(r.maxContextTokens) : "Doesn't fit"}
                </td>
                <td>{r.atFull ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
