import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_DEVICE_COUNT } from '../../domain/fit';
import { formatTokens } from '../../domain/format';
import { isKvCacheType } from '../../domain/kv-cache';
import type { DeviceSpec } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { MAX_RAM_GB } from '../../state/url-codec';
import { groupDevices } from '../controls/device-groups';
import { IntegerField } from '../controls/integer-field';
import { UnifiedLimit } from '../controls/unified-limit';
import { useCatalog } from '../shared/catalog-context';
import { HW_CONTEXT_CHOICES, HW_KV_CHOICES } from './hardware-labels';
import { RamBandwidthField } from './ram-bandwidth-field';
import { DeviceOptions } from '../controls/device-options';

interface Props {
  device: DeviceSpec | null;
  /** navigator.deviceMemory, when the browser reports it. */
  deviceMemoryGb: number | null;
}

/** The hardware and run settings: device, how many, system RAM and bandwidth, context, KV cache. */
export function HardwareForm({ device, deviceMemoryGb }: Props) {
  const { devices } = useCatalog();
  const groups = useMemo(() => groupDevices(devices), [devices]);
  const { count, ramGb, contextTokens, kvType } = useAppStore(
    useShallow((s) => ({
      count: s.count,
      ramGb: s.ramGb,
      contextTokens: s.hwContextTokens,
      kvType: s.kvType,
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

  return (
    <div className="hardware__form">
      <div className="hardware__row">
        <div className="hardware__field hardware__field--grow">
          <label htmlFor={`${id}-gpu`}>GPU or computer</label>
          <select
            id={`${id}-gpu`}
            value={device?.id ?? ''}
            onChange={(e) => store().selectGpu(e.target.value || null)}
          >
            <DeviceOptions groups={groups} blankLabel="Choose…" />
          </select>
        </div>
        <IntegerField
          label="How many"
          className="hardware__field--small"
          value={count}
          min={1}
          max={MAX_DEVICE_COUNT}
          commitWhileTyping
          onCommit={(n) => store().setCount(n)}
        />
      </div>
      {device && <UnifiedLimit device={device} />}
      <div className="hardware__row">
        <div className="hardware__field--ram">
          <IntegerField
            label="System RAM (GB)"
            value={ramGb}
            min={0}
            max={MAX_RAM_GB}
            onCommit={(n) => store().setRamGb(n)}
          />
          {deviceMemoryGb !== null && (
            <p className="small muted hardware__hint">
              Your browser reports at least {deviceMemoryGb} GB of RAM (browsers report no more than
              8).
            </p>
          )}
        </div>
        <RamBandwidthField />
      </div>
      <div className="hardware__row">
        <div className="hardware__field">
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
        <div className="hardware__field">
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
      </div>
    </div>
  );
}
