import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DecimalField } from '../../components/decimal-field';
import { DevicePicker } from '../../components/device-picker';
import { IntegerField } from '../../components/integer-field';
import { UnifiedLimit } from '../../components/unified-limit';
import { isUnified, maxUnits } from '../../domain/fit';
import { formatNumber, formatTokens } from '../../domain/format';
import { isKvCacheType } from '../../domain/kv-cache';
import { DEFAULT_RAM_BANDWIDTH_GBS } from '../../domain/offload';
import type { DeviceSpec } from '../../domain/types';
import { useCatalog } from '../../results/results-provider';
import { MAX_RAM_GB } from '../../state/selection';
import { useAppStore } from '../../state/store';
import { HW_CONTEXT_CHOICES, HW_KV_CHOICES } from './hardware-labels';

/**
 * The hardware and run settings: device, how many (cards and servers only), the GPU limit of a
 * unified-memory computer or the system RAM and its bandwidth for offload (discrete GPUs only:
 * a Mac has one pool), context, KV cache, and whether to consider 1-2 bit files.
 */
export function HardwareForm({ device }: { device: DeviceSpec | null }) {
  const { devices } = useCatalog();
  const { count, ramGb, ramBandwidthGbS, contextTokens, kvType, extreme, autoDevice } = useAppStore(
    useShallow((s) => ({
      count: s.count,
      ramGb: s.ramGb,
      ramBandwidthGbS: s.ramBandwidthGbS,
      contextTokens: s.hwContextTokens,
      kvType: s.kvType,
      extreme: s.extremeQuants,
      autoDevice: s.autoDevice,
    })),
  );
  const id = useId();
  const store = useAppStore.getState;
  const contextChoices = HW_CONTEXT_CHOICES.includes(contextTokens)
    ? HW_CONTEXT_CHOICES
    : [...HW_CONTEXT_CHOICES, contextTokens].sort((a, b) => a - b);
  const kvChoices = HW_KV_CHOICES.some((k) => k.type === kvType)
    ? HW_KV_CHOICES
    : [...HW_KV_CHOICES, { type: kvType, text: kvType }];
  const unified = device ? isUnified(device) : false;

  return (
    <div className="hardware__form">
      <div className="hardware__row">
        <div className="hardware__field--grow">
          <DevicePicker
            devices={devices}
            device={device}
            assumed={autoDevice}
            onChoose={(d) => store().selectGpu(d.id)}
          />
        </div>
        {device && maxUnits(device) > 1 && (
          <IntegerField
            label="How many"
            className="field--small"
            value={Math.min(count, maxUnits(device))}
            min={1}
            max={maxUnits(device)}
            commitWhileTyping
            onCommit={(n) => store().setCount(n)}
          />
        )}
      </div>
      {device && unified && <UnifiedLimit device={device} />}
      {device && !unified && (
        <div className="hardware__row">
          <IntegerField
            label="System RAM (GB)"
            value={ramGb}
            min={0}
            max={MAX_RAM_GB}
            onCommit={(n) => store().setRamGb(n)}
          />
          <DecimalField
            label="RAM bandwidth (GB/s)"
            value={ramBandwidthGbS}
            min={1}
            max={10000}
            step={0.1}
            hint={`dual-channel DDR5-5600 ≈ ${formatNumber(DEFAULT_RAM_BANDWIDTH_GBS, 1)} GB/s`}
            onCommit={(v) => store().setRamBandwidth(v)}
          />
        </div>
      )}
      <div className="hardware__row">
        <div className="field">
          <label htmlFor={`${id}-ctx`}>Context you need</label>
          <select
            id={`${id}-ctx`}
            value={contextTokens}
            onChange={(e) => store().setHwContext(Number(e.target.value))}
          >
            {contextChoices.map((t) => (
              <option key={t} value={t}>
                {formatTokens(t)} tokens
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kv`}>KV cache</label>
          <select
            id={`${id}-kv`}
            value={kvType}
            onChange={(e) => {
              if (isKvCacheType(e.target.value)) store().setKvType(e.target.value);
            }}
          >
            {kvChoices.map((k) => (
              <option key={k.type} value={k.type}>
                {k.text}
              </option>
            ))}
          </select>
        </div>
        <label className="check small">
          <input
            type="checkbox"
            checked={extreme}
            onChange={(e) => store().setExtremeQuants(e.target.checked)}
          />
          Show extreme quantizations (1-2 bit) for models under 100B
        </label>
      </div>
    </div>
  );
}
