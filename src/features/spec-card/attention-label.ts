import type { ModelArch } from '../../domain/types';

/**
 * Plain-words label of a model's attention type, from its layer pattern: MLA when any layer
 * caches a latent row; hybrid when linear-attention, Mamba2 or short-conv layers sit beside
 * attention; sliding window + global when some layers are local; otherwise GQA (fewer KV heads
 * than query heads) or MHA.
 */
export function attentionLabel(arch: ModelArch): string {
  const count = (pred: (m: string) => boolean) =>
    arch.layerPattern.filter((r) => pred(r.mixer)).reduce((s, r) => s + r.count, 0);
  const mla = count((m) => m === 'mla');
  const fixed = count((m) => m === 'linear' || m === 'mamba2' || m === 'shortconv');
  const sliding = count((m) => m === 'sliding');
  const attn = count((m) => m === 'full' || m === 'sliding' || m === 'mla');
  if (fixed > 0) {
    const kind = arch.linear
      ? arch.linear.kind === 'gated-deltanet'
        ? 'Gated DeltaNet'
        : 'Kimi Delta Attention'
      : arch.mamba
        ? 'Mamba2'
        : 'short-conv';
    return `Hybrid: ${fixed} ${kind} + ${attn} attention layers${mla ? ' (MLA)' : ''}`;
  }
  if (mla > 0) return 'MLA (latent KV cache)';
  if (sliding > 0)
    return `Sliding window (${arch.slidingWindow ?? '?'} tokens) on ${sliding} of ${arch.layers} layers + global`;
  if (arch.kvHeads < arch.heads)
    return `GQA: ${arch.kvHeads} KV heads for ${arch.heads} query heads`;
  return `MHA: ${arch.heads} heads`;
}

/** "MoE: 256 experts, 8 active (+1 shared)" or null for dense models. */
export function moeLabel(arch: ModelArch): string | null {
  const m = arch.moe;
  if (!m) return null;
  const shared = m.sharedExperts > 0 ? ` (+${m.sharedExperts} shared)` : '';
  return `MoE: ${m.experts} experts, ${m.expertsPerToken} active${shared}`;
}
