import type { Mixer, ModelArch } from '../../domain/types';

function layersWith(arch: ModelArch, mixers: readonly Mixer[]): number {
  return arch.layerPattern
    .filter((r) => mixers.includes(r.mixer))
    .reduce((sum, r) => sum + r.count, 0);
}

/**
 * Plain-words label of a model's attention type, read from its layer pattern (first rule wins):
 * - "Hybrid (N linear / Mamba / conv + M attention layers)" when linear-attention, Mamba2 or
 *   short-conv layers (fixed-size state) sit beside attention; MLA attention layers say so;
 * - "MLA (latent KV)" when layers cache one compressed latent row per token;
 * - "Sliding window + global (window W)" when some layers attend only to the last W tokens;
 * - "GQA (K KV heads of H)" when fewer KV heads than query heads ("MQA" for a single KV head);
 * - "MHA (H heads)" otherwise.
 */
export function attentionLabel(arch: ModelArch): string {
  const mla = layersWith(arch, ['mla']);
  const parts = [
    [layersWith(arch, ['linear']), 'linear'],
    [layersWith(arch, ['mamba2']), 'Mamba'],
    [layersWith(arch, ['shortconv']), 'conv'],
  ] as const;
  const fixed = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`);
  if (fixed.length > 0) {
    const attn = layersWith(arch, ['full', 'sliding', 'mla']);
    const kind = mla > 0 ? 'MLA attention' : 'attention';
    return `Hybrid (${fixed.join(' + ')} + ${attn} ${kind} layers)`;
  }
  if (mla > 0) return 'MLA (latent KV)';
  if (layersWith(arch, ['sliding']) > 0) {
    const window = arch.slidingWindow ? ` (window ${arch.slidingWindow})` : '';
    return `Sliding window + global${window}`;
  }
  if (arch.kvHeads === 1) return `MQA (1 KV head of ${arch.heads})`;
  if (arch.kvHeads < arch.heads) return `GQA (${arch.kvHeads} KV heads of ${arch.heads})`;
  return `MHA (${arch.heads} heads)`;
}

/** "MoE: 256 experts, 8 active" (plus "(+1 shared)" when there are shared experts), or null for dense models. */
export function moeLabel(arch: ModelArch): string | null {
  const m = arch.moe;
  if (!m) return null;
  const shared = m.sharedExperts > 0 ? ` (+${m.sharedExperts} shared)` : '';
  return `MoE: ${m.experts} experts, ${m.expertsPerToken} active${shared}`;
}
