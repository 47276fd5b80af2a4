import type { Verdict } from '../../domain/fit';
import { MAX_DEVICE_COUNT } from '../../domain/fit';
import { formatBytes, formatNumber, formatTokens, type ByteUnit } from '../../domain/format';
import { MIN_CONTEXT_TOKENS } from '../../domain/max-context';
import { formatTps, isOffloaded, offloadModeText } from '../offload-serving/offload-text';
import { VERDICT_LABEL } from '../shared/verdict-label';
import type { Suggestion } from './suggestions';

export interface SuggestionTextContext {
  unit: ByteUnit;
  deviceName: string;
  /** GPUs in use now (figures are per GPU when more than one). */
  gpus: number;
  /** Label of the current quantization. */
  quantLabel: string;
  /** System RAM the user entered, GB. */
  ramGb: number;
}

export interface SuggestionText {
  title: string;
  detail: string;
  /** Accessible name of the button that applies it; null when nothing can be applied. */
  action: string | null;
}

function need(bytes: number, verdict: Verdict, c: SuggestionTextContext): string {
  const per = c.gpus > 1 ? ' per GPU' : '';
  return `${formatBytes(bytes, c.unit)}${per}, ${VERDICT_LABEL[verdict].toLowerCase()}`;
}

function contextWords(tokens: number): string {
  const compact = formatTokens(tokens);
  const exact = formatNumber(tokens);
  return compact === exact ? `${exact} tokens` : `${compact} (${exact} tokens)`;
}

/** Title, figure and button name of one suggestion, e.g. "Q3_K_M: 21.40 GB, runs great". */
export function suggestionText(s: Suggestion, c: SuggestionTextContext): SuggestionText {
  switch (s.kind) {
    case 'quant':
      return s.verdict === 'no'
        ? {
            title: 'Smaller quantization',
            detail: `Even ${s.quant.label} needs ${formatBytes(s.needBytesPerGpu, c.unit)}${c.gpus > 1 ? ' per GPU' : ''}: no quantization fits at this context.`,
            action: null,
          }
        : {
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
      return s.contextTokens > 0
        ? {
            title: 'Shorter context',
            detail: `Up to ${contextWords(s.contextTokens)} fits at ${c.quantLabel}`,
            action: `Set context to ${formatTokens(s.contextTokens)}`,
          }
        : {
            title: 'Shorter context',
            detail: `Not even ${formatNumber(MIN_CONTEXT_TOKENS)} tokens fit at ${c.quantLabel}.`,
            action: null,
          };
    case 'flash-attention':
      return {
        title: 'Flash attention on',
        detail: need(s.needBytesPerGpu, s.verdict, c),
        action: 'Turn on flash attention',
      };
    case 'cards':
      return s.needed > 0
        ? {
            title: 'More cards',
            detail: `${s.needed} × ${c.deviceName}`,
            action: `Use ${s.needed} × ${c.deviceName}`,
          }
        : {
            title: 'More cards',
            detail: `It needs more than ${MAX_DEVICE_COUNT} × ${c.deviceName}.`,
            action: null,
          };
    case 'offload': {
      const p = s.plan;
      if (!isOffloaded(p)) {
        return {
          title: 'Offload to system RAM',
          detail: `Not enough with ${formatNumber(c.ramGb)} GB of RAM: it would need ${formatBytes(p.ramBytes, c.unit)} of RAM.`,
          action: null,
        };
      }
      const where = p.mode === 'experts' ? 'experts in RAM' : offloadModeText(p);
      return {
        title: 'Offload to system RAM',
        detail: `${where}: ${formatBytes(p.gpuBytesPerGpu, c.unit)} on the GPU + ${formatBytes(p.ramBytes, c.unit)} RAM, ≈ ${formatTps(p.tps)} t/s`,
        action: null,
      };
    }
  }
}
