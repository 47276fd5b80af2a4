import type { Verdict } from '../../domain/fit';
import { formatBytes, formatNumber, formatTokens, type ByteUnit } from '../../domain/format';
import type { Suggestion } from '../../domain/fit-suggestions';
import { formatTps, offloadModeText } from '../../components/offload-text';
import { VERDICT_LABEL } from '../../components/verdict-label';

export interface SuggestionTextContext {
  unit: ByteUnit;
  deviceName: string;
  /** GPUs in use now (figures are per GPU when more than one). */
  gpus: number;
  /** Label of the current quantization. */
  quantLabel: string;
}

export interface SuggestionText {
  title: string;
  detail: string;
  /** Accessible name of the button that applies it; null when nothing can be applied here. */
  action: string | null;
}

function need(bytes: number, verdict: Exclude<Verdict, 'no'>, c: SuggestionTextContext): string {
  const per = c.gpus > 1 ? ' per GPU' : '';
  return `${formatBytes(bytes, c.unit)}${per}, ${VERDICT_LABEL[verdict].toLowerCase()}`;
}

function contextWords(tokens: number): string {
  const compact = formatTokens(tokens);
  const exact = formatNumber(tokens);
  return compact === exact ? `${exact} tokens` : `${compact} (${exact} tokens)`;
}

/** Title, figure and button name of one suggestion, e.g. "Q3_K_M: 21.40 GiB, runs great". */
export function suggestionText(s: Suggestion, c: SuggestionTextContext): SuggestionText {
  switch (s.kind) {
    case 'quant':
      return {
        title: 'Smaller quantization',
        detail: `${s.quant.label}: ${need(s.needBytesPerGpu, s.verdict, c)}`,
        action: `Use ${s.quant.label}`,
      };
    case 'kv':
      return {
        title: 'Quantized KV cache',
        detail: `${s.kvType} with flash attention: ${need(s.needBytesPerGpu, s.verdict, c)}`,
        action: `Use ${s.kvType} KV cache`,
      };
    case 'context':
      return {
        title: 'Shorter context',
        detail: `Up to ${contextWords(s.contextTokens)} fits at ${c.quantLabel}`,
        action: `Set context to ${formatTokens(s.contextTokens)}`,
      };
    case 'flash-attention':
      return {
        title: 'Flash attention on',
        detail: need(s.needBytesPerGpu, s.verdict, c),
        action: 'Turn on flash attention',
      };
    case 'cards':
      return {
        title: 'More cards',
        detail: `${s.needed} × ${c.deviceName}, split by layers`,
        action: `Use ${s.needed} × ${c.deviceName}`,
      };
    case 'offload': {
      const p = s.plan;
      const where = p.mode === 'experts' ? 'MoE experts in RAM' : offloadModeText(p);
      return {
        title: 'Offload to system RAM',
        detail: `${where}: ${formatBytes(p.gpuBytesPerGpu, c.unit)} on the GPU + ${formatBytes(p.ramBytes, c.unit)} in RAM, ≈ ${formatTps(p.tps)} tokens/s`,
        action: null,
      };
    }
  }
}
