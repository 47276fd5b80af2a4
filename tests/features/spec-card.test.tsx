import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SpecCard } from '../../src/features/spec-card/spec-card';
import { FIXTURE_CATALOG, FIXTURE_MODELS } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

/** The <dd> that follows the <dt> named `term`. */
function fact(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`no <dd> for ${term}`);
  return dd;
}

describe('SpecCard', () => {
  it('shows Llama 3.1 8B facts and a Hugging Face link', () => {
    renderWithCatalog(<SpecCard />, { selection: { modelId: 'meta-llama/Llama-3.1-8B-Instruct' } });
    expect(
      screen.getByRole('heading', { level: 2, name: 'Llama 3.1 8B Instruct' }),
    ).toBeInTheDocument();
    expect(fact('Publisher')).toHaveTextContent('Meta');
    expect(fact('Family')).toHaveTextContent('Llama 3.1');
    // config.json: num_key_value_heads 8, num_attention_heads 32, 32 layers, hidden 4096, vocab 128256.
    expect(fact('Attention')).toHaveTextContent('GQA (8 KV heads of 32)');
    expect(fact('Layers')).toHaveTextContent('32');
    expect(fact('Hidden size')).toHaveTextContent('4,096');
    // max_position_embeddings 131072 = 128K.
    expect(fact('Max context')).toHaveTextContent('128K (131,072 tokens)');
    expect(fact('Vocabulary')).toHaveTextContent('128,256');
    expect(fact('Released')).toHaveTextContent('2024-07-23');
    expect(fact('Licence')).toHaveTextContent('llama3.1');
    expect(screen.queryByText('Experts', { selector: 'dt' })).not.toBeInTheDocument();
    const link = screen.getByRole('link', { name: /on Hugging Face/ });
    expect(link).toHaveAttribute('href', 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('DeepSeek R1: MLA, 256 experts with 8 active, total and active parameters', () => {
    renderWithCatalog(<SpecCard />, { selection: { modelId: 'deepseek-ai/DeepSeek-R1-0528' } });
    expect(fact('Attention')).toHaveTextContent('MLA (latent KV)');
    expect(fact('Experts')).toHaveTextContent('MoE: 256 experts, 8 active');
    // The fixture holds the checkpoint's 684,531,386,000 parameters (incl. MTP) and DeepSeek's 37B active.
    expect(fact('Parameters')).toHaveTextContent('685B total · 37.0B active');
  });

  it('Gemma 2 9B: sliding window of 4096 tokens beside global layers', () => {
    renderWithCatalog(<SpecCard />, { selection: { modelId: 'google/gemma-2-9b-it' } });
    expect(fact('Attention')).toHaveTextContent('Sliding window + global (window 4096)');
    expect(fact('Max context')).toHaveTextContent('8K (8,192 tokens)');
  });

  it("lists the model's caveats", () => {
    const caveat = 'Active parameter count is the publisher’s rounded figure.';
    const models = FIXTURE_MODELS.map((m, i) => (i === 0 ? { ...m, caveats: [caveat] } : m));
    renderWithCatalog(<SpecCard />, {
      catalog: { ...FIXTURE_CATALOG, models },
      selection: { modelId: 'deepseek-ai/DeepSeek-R1-0528' },
    });
    const list = screen.getByRole('list', { name: /Estimated/ });
    expect(within(list).getByRole('listitem')).toHaveTextContent(caveat);
  });
});
