import { encodeCustomModel, FILE_QUANT_ID, type CustomModel } from '../../domain/arch-codec';
import type { ConfigModel } from '../../domain/config-json';
import type { GgufModel } from '../../domain/gguf-model';
import { useAppStore } from '../../state/store';

/** "Qwen3-8B-Q4_K_M-00001-of-00002.gguf" → "Qwen3-8B-Q4_K_M". */
export function baseName(fileName: string): string {
  return fileName.replace(/(-\d{5}-of-\d{5})?\.gguf$/i, '') || fileName;
}

/** Shows a model read from GGUF header(s), with the file itself as the quantization. */
export function applyGgufModel(m: GgufModel, fallbackName: string, sourceUrl?: string): void {
  const custom: CustomModel = {
    name: m.name ?? fallbackName,
    origin: 'gguf',
    arch: m.arch,
    maxContextTokens: m.maxContextTokens,
    caveats: m.caveats,
    ...(sourceUrl ? { sourceUrl } : {}),
    file: { fileType: m.fileType, weights: m.weights },
  };
  useAppStore.getState().setCustomModel(encodeCustomModel(custom), FILE_QUANT_ID);
}

/** Shows a model read from a config.json, keeping the chosen catalog quantization. */
export function applyConfigModel(m: ConfigModel, fallbackName: string, sourceUrl?: string): void {
  const custom: CustomModel = {
    name: m.name ?? fallbackName,
    origin: 'config',
    arch: m.arch,
    maxContextTokens: m.maxContextTokens,
    caveats: m.caveats,
    ...(sourceUrl ? { sourceUrl } : {}),
  };
  const s = useAppStore.getState();
  s.setCustomModel(encodeCustomModel(custom), s.quantId === FILE_QUANT_ID ? null : s.quantId);
}
