import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ModelDetails } from '../../src/features/model-details/model-details';
import { FIXTURE_CATALOG, FIXTURE_MODELS } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

/** The <dd> that follows the <dt> named `term`. */
function fact(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`no <dd> for ${term}`);
  return dd;
}

describe('ModelDetails', () => {
  it('shows Llama 3.1 8B facts and a Hugging Face link', () => {
    renderWithCatalog(<ModelDetails />, {
      selection: { modelId: 'meta-llama/Llama-3.1-8B-Instruct' },
    });
    expect(fact('Publisher')).toHaveTextContent('Meta');
    expect(fact('Family')).toHaveTextContent('Llama 3.1');
    // config.json: num_key_value_heads 8, num_attention_heads 32, 32 layers, hidden 4096, vocab 128256.
    expect(fact('Attention')).toHaveTextContent('GQA (8 KV heads of 32)');
    expect(fact('Layers · hidden')).toHaveTextContent('32 · 4,096');
    // max_position_embeddings 131072 = 128K.
    expect(fact('Max context')).toHaveTextContent('128K (131,072 tokens)');
    expect(fact('Vocabulary')).toHaveTextContent('128,256');
    expect(screen.queryByTestId('related')).not.toBeInTheDocument();
    expect(fact('Released')).toHaveTextContent('2024-07-23');
    expect(fact('Licence')).toHaveTextContent('llama3.1');
    expect(screen.queryByText('Experts', { selector: 'dt' })).not.toBeInTheDocument();
    const link = screen.getByRole('link', { name: /on Hugging Face/ });
    expect(link).toHaveAttribute('href', 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('DeepSeek R1: MLA, 256 experts with 8 active, total and active parameters', () => {
    renderWithCatalog(<ModelDetails />, { selection: { modelId: 'deepseek-ai/DeepSeek-R1-0528' } });
    expect(fact('Attention')).toHaveTextContent('MLA (latent KV)');
    expect(fact('Experts')).toHaveTextContent('MoE: 256 experts, 8 active');
    // The fixture holds the checkpoint's 684,531,386,000 parameters (incl. MTP) and DeepSeek's 37B active.
    expect(fact('Parameters')).toHaveTextContent('685B total · 37.0B active');
  });

  it('Gemma 2 9B: sliding window of 4096 tokens beside global layers', () => {
    renderWithCatalog(<ModelDetails />, { selection: { modelId: 'google/gemma-2-9b-it' } });
    expect(fact('Attention')).toHaveTextContent('Sliding window + global (window 4096)');
    expect(fact('Max context')).toHaveTextContent('8K (8,192 tokens)');
  });

  it("lists the model's caveats", () => {
    const caveat = 'Active parameter count is the publisher’s rounded figure.';
    const models = FIXTURE_MODELS.map((m, i) => (i === 0 ? { ...m, caveats: [caveat] } : m));
    renderWithCatalog(<ModelDetails />, {
      catalog: { ...FIXTURE_CATALOG, models },
      selection: { modelId: 'deepseek-ai/DeepSeek-R1-0528' },
    });
    expect(screen.getByText(caveat)).toBeInTheDocument();
  });

  it('shows the description, task tags, fields worked out, and links to relatives', () => {
    const models = FIXTURE_MODELS.map((m, i) =>
      i === 1
        ? {
            ...m,
            description: 'A small dense model.',
            tasks: ['chat' as const, 'code' as const],
            inferred: [{ field: 'arch.ffn', how: 'from the parameter count' }],
          }
        : i === 2
          ? {
              ...m,
              family: 'Llama 3.1',
              name: 'Llama 3.1 70B Instruct',
              id: 'meta-llama/Llama-3.1-70B-Instruct',
            }
          : m,
    );
    renderWithCatalog(<ModelDetails />, {
      catalog: { ...FIXTURE_CATALOG, models },
      selection: { modelId: 'meta-llama/Llama-3.1-8B-Instruct' },
    });
    expect(screen.getByText('A small dense model.')).toBeInTheDocument();
    const tags = screen.getByRole('list', { name: 'Made for' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['chat', 'code']);
    expect(
      screen.getByText(/is worked out, not published: from the parameter count/),
    ).toBeInTheDocument();
    const related = screen.getByTestId('related');
    const link = within(related).getByRole('link', { name: 'Llama 3.1 70B Instruct' });
    expect(link.getAttribute('href')).toContain('model=meta-llama/Llama-3.1-70B-Instruct');
  });
});
