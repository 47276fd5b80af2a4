import { ContextSlider } from './context-slider';
import { DeviceSelect } from './device-select';
import { KvSelect } from './kv-select';
import { RunOptions } from './run-options';
import { UnitsToggle } from './units-toggle';
import './controls.css';

/** The run settings panel: context length, KV cache, flash attention, sequences, device, units. */
export function Controls() {
  return (
    <div className="controls">
      <ContextSlider />
      <KvSelect />
      <RunOptions />
      <DeviceSelect />
      <UnitsToggle />
    </div>
  );
}
