import { describe, expect, it } from 'vitest';
import { attentionLabel, moeLabel } from '../../src/features/model-details/attention-label';
import {
  DEEPSEEK_R1,
  GEMMA2_9B,
  LLAMA_2_7B,
  LLAMA_31_8B,
  MIXTRAL_8X7B,
  QWEN3_NEXT_80B,
} from '../fixtures/archs';

// Expected values are the config.json facts quoted in tests/fixtures/archs.ts.
describe('attentionLabel', () => {
  it('DeepSeek R1 uses multi-head latent attention', () => {
    expect(attentionLabel(DEEPSEEK_R1)).toBe('MLA (latent KV)');
  });

  it('Gemma 2 9B alternates sliding-window (sliding_window 4096) and global layers', () => {
    expect(attentionLabel(GEMMA2_9B)).toBe('Sliding window + global (window 4096)');
  });

  it('Llama 3.1 8B is GQA: num_key_value_heads 8 of num_attention_heads 32', () => {
    expect(attentionLabel(LLAMA_31_8B)).toBe('GQA (8 KV heads of 32)');
  });

  it('Llama 2 7B is plain MHA (32 KV heads for 32 heads)', () => {
    expect(attentionLabel(LLAMA_2_7B)).toBe('MHA (32 heads)');
  });

  it('Qwen3-Next is hybrid: (3 Gated DeltaNet + 1 full) x 12', () => {
    expect(attentionLabel(QWEN3_NEXT_80B)).toBe('Hybrid (36 linear + 12 attention layers)');
  });

  it('names Mamba and conv layers in hybrids, and MLA attention beside linear layers', () => {
    const mamba = {
      ...LLAMA_31_8B,
      layerPattern: [
        { mixer: 'mamba2' as const, ffn: 'dense' as const, count: 27 },
        { mixer: 'full' as const, ffn: 'dense' as const, count: 4 },
        { mixer: 'none' as const, ffn: 'dense' as const, count: 1 },
      ],
    };
    expect(attentionLabel(mamba)).toBe('Hybrid (27 Mamba + 4 attention layers)');
    const conv = {
      ...LLAMA_31_8B,
      layerPattern: [
        { mixer: 'shortconv' as const, ffn: 'dense' as const, count: 10 },
        { mixer: 'full' as const, ffn: 'dense' as const, count: 6 },
      ],
    };
    expect(attentionLabel(conv)).toBe('Hybrid (10 conv + 6 attention layers)');
    const kimiLinear = {
      ...DEEPSEEK_R1,
      layerPattern: [
        { mixer: 'linear' as const, ffn: 'moe' as const, count: 20 },
        { mixer: 'mla' as const, ffn: 'moe' as const, count: 7 },
      ],
    };
    expect(attentionLabel(kimiLinear)).toBe('Hybrid (20 linear + 7 MLA attention layers)');
  });
});

describe('moeLabel', () => {
  it('DeepSeek R1: 256 routed experts, 8 active per token, 1 shared', () => {
    expect(moeLabel(DEEPSEEK_R1)).toBe('MoE: 256 experts, 8 active (+1 shared)');
  });

  it('Mixtral 8x7B: 8 experts, 2 active, none shared', () => {
    expect(moeLabel(MIXTRAL_8X7B)).toBe('MoE: 8 experts, 2 active');
  });

  it('is null for dense models', () => {
    expect(moeLabel(LLAMA_31_8B)).toBeNull();
  });
});
