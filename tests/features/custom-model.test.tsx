import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Breakdown } from '../../src/features/breakdown/breakdown';
import { CustomModelBanner } from '../../src/features/custom-model/custom-model-banner';
import { CustomModelCard } from '../../src/features/custom-model/custom-model-card';
import { QuantTable } from '../../src/features/quant-table/quant-table';
import { useAppStore } from '../../src/state/store';
import { renderWithCatalog } from '../test-utils';
import { fileBytes, tinyLlama } from './custom-model-gguf';

function weightsBytes(): number {
  const el = screen.getByTestId('breakdown').querySelector('[data-field="weights"]');
  return Number(el?.getAttribute('data-bytes'));
}

function page() {
  return renderWithCatalog(
    <>
      <CustomModelCard />
      <CustomModelBanner />
      <Breakdown />
      <QuantTable />
    </>,
    { selection: { modelId: 'meta-llama/Llama-3.1-8B-Instruct' } },
  );
}

const LLAMA_CONFIG = JSON.stringify({
  model_type: 'llama',
  hidden_size: 4096,
  intermediate_size: 14336,
  max_position_embeddings: 131072,
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  rope_scaling: { rope_type: 'llama3' },
  tie_word_embeddings: false,
  vocab_size: 128256,
});

describe('Bring your own model', () => {
  it('a GGUF file gives its exact weights, marked as custom, with a way back', async () => {
    const user = userEvent.setup();
    page();
    expect(
      screen.getByText(/Nothing is uploaded: files are read in your browser, only the header/),
    ).toBeInTheDocument();
    const file = new File([fileBytes(tinyLlama())], 'tiny-llama-Q8_0.gguf');
    await user.upload(screen.getByLabelText(/GGUF file/), file);
    // Q8_0 (34 B per 32 weights) minus token_embd kept in RAM: 2 x 591,872 (layers) + 278,528
    // (output) + 5,120 (F32 norms) = 1,467,392 bytes on the GPU.
    await waitFor(() => expect(weightsBytes()).toBe(1_467_392));
    expect(screen.getByText('Custom model')).toBeInTheDocument();
    expect(screen.getByText(/Tiny Llama Test/)).toBeInTheDocument();
    // The table follows on the deferred clock (ResultsProvider): wait for its row.
    const row = await waitFor(() => {
      const r = document.querySelector('tr[data-quant="GGUF-FILE"]');
      if (!r) throw new Error('no file row yet');
      return r;
    });
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row).toHaveTextContent('This file (Q8_0)');
    await user.click(screen.getByRole('button', { name: 'Back to catalog' }));
    expect(useAppStore.getState().custom).toBeNull();
    expect(screen.queryByText('Custom model')).not.toBeInTheDocument();
  });

  it('a pasted config.json is combined with a catalog quantization', async () => {
    const user = userEvent.setup();
    page();
    await user.click(screen.getByLabelText(/config\.json/));
    await user.paste(LLAMA_CONFIG);
    await user.click(screen.getByRole('button', { name: 'Use config' }));
    await waitFor(() => expect(useAppStore.getState().custom).not.toBeNull());
    // bartowski Llama-3.1-8B-Instruct Q4_K_M: 4,920,739,232 B file - 7,840,928 B metadata
    // - 295,501,824 B token_embd (Q4_K, kept in RAM) = 4,617,396,480 B of weights on the GPU.
    await waitFor(() => expect(weightsBytes()).toBe(4_617_396_480));
    expect(document.querySelector('tr[data-quant="GGUF-FILE"]')).toBeNull();
  });

  it('errors are alerts that name the problem', async () => {
    const user = userEvent.setup();
    page();
    await user.click(screen.getByLabelText(/config\.json/));
    await user.paste(LLAMA_CONFIG.replace('"num_key_value_heads":8', '"num_key_value_heads":-8'));
    await user.click(screen.getByRole('button', { name: 'Use config' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'num_key_value_heads: expected a positive integer',
    );
    await user.upload(
      screen.getByLabelText(/GGUF file/),
      new File(['PK\u0003\u0004 zip'], 'x.gguf'),
    );
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/not a GGUF file/));
    expect(useAppStore.getState().custom).toBeNull();
  });
});
