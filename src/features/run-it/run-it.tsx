import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useResolved, useRunSettings, useSelectedEstimate } from '../shared/use-calculator';
import { useAppStore } from '../../state/store';
import { buildCommands } from './commands';
import { CommandBlock } from './command-block';
import './run-it.css';

/** "Run it": commands for llama.cpp, Ollama, vLLM and LM Studio for the selected configuration. */
export function RunIt() {
  const { resolved } = useResolved();
  const run = useRunSettings();
  const { estimate, fit } = useSelectedEstimate();
  const { count, unit } = useAppStore(useShallow((s) => ({ count: s.count, unit: s.unit })));
  const commands = useMemo(
    () =>
      buildCommands({
        model: resolved.model,
        quant: resolved.quant,
        contextTokens: run.contextTokens,
        parallel: run.parallel,
        kvType: run.kvType,
        flashAttention: run.flashAttention,
        device: resolved.device,
        count,
        estimate,
        fit,
        unit,
      }),
    [resolved.model, resolved.quant, resolved.device, run, count, estimate, fit, unit],
  );
  return (
    <div className="run-it">
      <p className="muted small run-it__intro">
        Starting points for your settings. Check each runtime&apos;s documentation before relying on
        a flag.
        {resolved.device ? null : ' Select a GPU to size GPU offload for your hardware.'}
      </p>
      <div className="run-it__list">
        {commands.map((c) => (
          <CommandBlock key={c.runtime} item={c} />
        ))}
      </div>
    </div>
  );
}
