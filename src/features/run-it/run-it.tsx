import { useMemo } from 'react';
import { useResults } from '../../results/results-provider';
import { useAppStore } from '../../state/store';
import { buildCommands, macLimitCommand } from './commands';
import { CommandBlock } from './command-block';
import './run-it.css';

/** "Run it": commands for llama.cpp, Ollama, vLLM and LM Studio for the selected configuration. */
export function RunIt() {
  const s = useResults().selected;
  const unit = useAppStore((st) => st.unit);
  const commands = useMemo(() => buildCommands(s, unit), [s, unit]);
  const macLimit = macLimitCommand(s);
  return (
    <div className="run-it">
      {macLimit && (
        <CommandBlock
          item={{
            id: 'macos',
            runtime: 'macOS: raise the GPU memory limit first',
            command: macLimit,
            notes: [
              'Lets the GPU use the memory the figures assume (all but about 8 GB); it lasts until the next restart.',
            ],
          }}
        />
      )}
      <div className="run-it__list">
        {commands.map((c) => (
          <CommandBlock key={c.id} item={c} />
        ))}
      </div>
    </div>
  );
}
