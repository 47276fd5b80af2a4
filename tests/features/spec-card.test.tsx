import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { attentionLabel, moeLabel } from '../../src/features/spec-card/attention-label';
import { SpecCard } from '../../src/features/spec-card/spec-card';
import { DEEPSEEK_R1, GEMMA2_9B, LLAMA_2_7B, LLAMA_31_8B, QWEN3_NEXT_80B } from '../fixtures/archs';
import { renderWithCatalog } from '../test-utils';

describe('attention labels from config.json geometry', () => {
  it.each([
    [DEEPSEEK_R1, /MLA/],
    [GEMMA2_9B, /Sliding window \(4096 tokens\) on 21 of 42 layers/],
    [LLAMA_31_8B, /GQA: 8 KV heads for 32 query heads/],
    [LLAMA_2_7B, /MHA: 32 heads/],
    [QWEN3_NEXT_80B, /Hybrid: 36 Gated DeltaNet \+ 12 attention layers/],
  ])('%#', (arch, label) => {
    expect(attentionLabel(arch)).toMatch(label);
  });

  it('MoE label: DeepSeek R1 has 256 routed experts, 8 active, 1 shared', () => {
    expect(moeLabel(DEEPSEEK_R1)).toBe('MoE: 256 experts, 8 active (+1 shared)');
    expect(moeLabel(LLAMA_31_8B)).toBeNull();
  });
});

describe('SpecCard', () => {
  it('shows the facts and a Hugging Face link for the selected model', () => {
    renderWithCatalog(<SpecCard />, { selection: { modelId: 'meta-llama/Llama-3.1-8B-Instruct' } });
    expect(screen.getByRole('heading', { name: 'Llama 3.1 8B Instruct' })).toBeInTheDocument();
    expect(screen.getByText('128K (131,072 tokens)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /on Hugging Face/ })).toHaveAttribute(
      'href',
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
    );
  });
});
