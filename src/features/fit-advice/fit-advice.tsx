import { useResolvedModel } from '../shared/use-calculator';
import { FitSuggestions } from './fit-suggestions';
import { LongestContextTable } from './longest-context-table';
import './fit-advice.css';

/**
 * Fit advice for the selected model on the selected device: the longest context at each
 * quantization and, when the configuration does not fit, what would make it fit.
 */
export function FitAdvice() {
  const { resolved } = useResolvedModel();
  const { model, quant, device } = resolved;
  if (!device) {
    return (
      <p className="fit-advice fit-advice--empty muted">
        Pick a GPU or computer above to see the longest context each quantization allows and what
        would make it fit.
      </p>
    );
  }
  return (
    <div className="fit-advice">
      <FitSuggestions />
      <LongestContextTable model={model} device={device} selectedQuantId={quant.id} />
    </div>
  );
}
