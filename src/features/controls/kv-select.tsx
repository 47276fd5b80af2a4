import { useId } from 'react';
import { isKvCacheType } from '../../domain/kv-cache';
import { useAppStore } from '../../state/store';
import { KV_MENU, kvOptionText } from './kv-options';

/** KV-cache element type (llama.cpp -ctk/-ctv, vLLM --kv-cache-dtype). */
export function KvSelect() {
  const kvType = useAppStore((s) => s.kvType);
  const id = useId();
  return (
    <div className="controls__field">
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
      <p id={`${id}-hint`} className="small muted controls__hint">
        Element type of the cached keys and values (llama.cpp <code>-ctk</code>/<code>-ctv</code>).
        Quantized types need flash attention.
      </p>
    </div>
  );
}
