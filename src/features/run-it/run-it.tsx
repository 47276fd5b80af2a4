import { useMemo } from 'react';
import { useSelected } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { buildCommands } from './commands';
import { CommandBlock } from './command-block';
import './run-it.css';

/** "Run it": commands for llama.cpp, Ollama, vLLM and LM Studio for the selected configuration. */
export function RunIt() {
  const s = useSelected();
  const unit = useAppStore((st) => st.unit);
  const commands = useMemo(
    () =>
      buildCommands({
        model: s.resolved.model,
        quant: s.resolved.quant,
        contextTokens: s.run.contextTokens,
        parallel: s.run.parallel,
        kvType: s.run.kvType,
        flashAttention: s.run.flashAttention,
        device: s.resolved.device,
        count: s.hardware.count,
        estimate: s.estimate,
        fit: s.fit,
        unit,
      }),
    [s, unit],
  );
  return (
    <div className="run-it">
      <div className="run-it__list">
        {commands.map((c) => (
          <CommandBlock key={c.runtime} item={c} />
        ))}
      </div>
    </div>
  );
}
