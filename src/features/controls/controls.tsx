import { ContextSlider } from './context-slider';
import { DeviceField } from './device-field';
import { KvSelect } from './kv-select';
import { RunOptions } from './run-options';
import { UnitsToggle } from './units-toggle';
import './controls.css';

/** Your hardware and run settings: device, context length, KV cache, flash attention, sequences, unit. */
export function Controls() {
  return (
    <div className="controls">
      <DeviceField />
      <ContextSlider />
      <div className="controls__options">
        <KvSelect />
        <RunOptions />
        <UnitsToggle />
      </div>
    </div>
  );
}
