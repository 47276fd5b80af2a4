import { useId } from 'react';
import { isKvCacheType } from '../../domain/kv-cache';
import { useSelected } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { KV_MENU, kvOptionText } from './kv-options';

/**
 * KV-cache element type (llama.cpp -ctk/-ctv, vLLM --kv-cache-dtype). With flash attention off,
 * llama.cpp cannot quantize V: the estimate keeps V in f16 and says so, with a button to turn
 * flash attention on.
 */
export function KvSelect() {
  const kvType = useAppStore((s) => s.kvType);
  const { kv } = useSelected();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>KV cache</label>
      <select
        id={id}
        value={kvType}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const v = e.target.value;
          if (isKvCacheType(v)) useAppStore.getState().setKvType(v);
        }}
      >
        {KV_MENU.map((o) => (
          <option key={o.type} value={o.type}>
            {kvOptionText(o.type, o.note)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="small muted field__hint" role="status">
        {kv.vKeptF16 ? (
          <>
            Flash attention is off, so llama.cpp keeps V in f16 (
            <code>-ctk {kv.typeK} -ctv f16</code>
            ); the figures count that.{' '}
            <button
              type="button"
              className="linklike"
              onClick={() => useAppStore.getState().setFlashAttention(true)}
            >
              Turn flash attention on
            </button>{' '}
            to quantize V too.
          </>
        ) : (
          <>
            Cached keys and values (llama.cpp <code>-ctk</code>/<code>-ctv</code>).
          </>
        )}
      </p>
    </div>
  );
}
