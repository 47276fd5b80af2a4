import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuantTable } from '../../src/features/quant-table/quant-table';
import { useAppStore } from '../../src/state/store';
import { FIXTURE_CATALOG } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const FIELDS = ['weights', 'kv', 'total', 'total-full', 'file'];

function row(quantId: string): HTMLTableRowElement {
  const tr = document.querySelector<HTMLTableRowElement>(`tr[data-quant="${quantId}"]`);
  if (!tr) throw new Error(`no row for ${quantId}`);
  return tr;
}

function bytesOf(quantId: string, field: string): string | null {
  return row(quantId).querySelector(`[data-field="${field}"]`)?.getAttribute('data-bytes') ?? null;
}

const ids = () =>
  [...document.querySelectorAll('tr[data-quant]')].map((tr) => tr.getAttribute('data-quant'));

describe('QuantTable', () => {
  it('lists the common GGUF types, largest file first, under a captioned table', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    expect(
      screen.getByRole('table', { name: /memory by quantization at 8K tokens/i }),
    ).toBeInTheDocument();
    // bartowski files: Q8_0 8.54 GB > Q6_K 6.60 GB > Q4_K_M 4.92 GB > Q2_K 3.18 GB.
    expect(ids()).toEqual(['Q8_0', 'Q6_K', 'Q4_K_M', 'Q2_K']);
  });

  it('adds the vLLM / safetensors formats on request', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    await user.click(screen.getByRole('checkbox', { name: 'vLLM / safetensors formats' }));
    expect(useAppStore.getState().quantVllm).toBe(true);
    // BF16 safetensors: 8.03B parameters x 2 bytes = 16.06 GB, the largest.
    expect(ids()[0]).toBe('ST-BF16');
    expect(within(row('ST-BF16')).getByText('vLLM')).toBeInTheDocument();
  });

  it('gives every figure cell an integer data-bytes', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    for (const id of ids()) {
      for (const field of FIELDS) expect(bytesOf(id!, field)).toMatch(/^\d+$/);
    }
  });

  it('shows the published Llama 3.1 8B Q4_K_M file size to the byte', () => {
    // bartowski/Meta-Llama-3.1-8B-Instruct-GGUF, Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf: 4,920,739,232 bytes (LFS size).
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA, unit: 'GB' } });
    expect(bytesOf('Q4_K_M', 'file')).toBe('4920739232');
    expect(within(row('Q4_K_M')).getByText('4.92 GB')).toBeInTheDocument();
  });

  it('shows the Llama 3 8B f16 KV cache at 8K tokens as llama.cpp allocates it', () => {
    // llama.cpp log for Llama 3 8B, n_ctx 8192, f16: "KV self size = 1024.00 MiB".
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA, contextTokens: 8192 } });
    expect(bytesOf('Q8_0', 'kv')).toBe(String(1024 * 1024 * 1024));
  });

  it('names the chosen context, and the maximum only when it differs', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA, contextTokens: 32768 } });
    expect(screen.getByRole('table', { name: /at 32K tokens/i })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /at 128K \(max\)/i })).not.toHaveClass(
      'is-hidden',
    );
    act(() => useAppStore.getState().setContext(131072));
    expect(screen.getByRole('columnheader', { name: /at 128K \(max\)/i })).toHaveClass('is-hidden');
  });

  it('marks the recommended quantization, selected by default', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    expect(within(row('Q4_K_M')).getByText('recommended')).toBeInTheDocument();
    expect(row('Q4_K_M')).toHaveAttribute('aria-selected', 'true');
    expect(row('Q8_0')).toHaveAttribute('aria-selected', 'false');
  });

  it('selects a quantization when its row is clicked', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    await user.click(within(row('Q6_K')).getByText('Q6_K'));
    expect(row('Q6_K')).toHaveAttribute('aria-selected', 'true');
    expect(useAppStore.getState().quantId).toBe('Q6_K');
  });

  it('works with the keyboard: arrows move, Enter and Space select', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    row('Q8_0').focus();
    await user.keyboard('{ArrowDown}');
    expect(row('Q6_K')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().quantId).toBe('Q6_K');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(row('Q4_K_M')).toHaveFocus();
    await user.keyboard(' ');
    expect(useAppStore.getState().quantId).toBe('Q4_K_M');
  });

  it('shows the quality word with its measurements and sources one click away', async () => {
    const user = userEvent.setup();
    const source = { title: 'llama.cpp perplexity README', url: 'https://example.org/ppl' };
    const catalog = {
      ...FIXTURE_CATALOG,
      quants: FIXTURE_CATALOG.quants.map((q) =>
        q.id === 'Q4_K_M'
          ? {
              ...q,
              quality: {
                word: 'very good' as const,
                pplIncreasePct: { min: 0.54, max: 2.82 },
                models: 13,
                basis: 'upper quartile of 5 measurements',
                note: null,
                sources: [source],
              },
            }
          : q,
      ),
    };
    renderWithCatalog(<QuantTable />, { catalog, selection: { modelId: LLAMA } });
    const word = within(row('Q4_K_M')).getByText('very good');
    await user.click(word);
    const pop = word.closest('details');
    expect(pop).toHaveAttribute('open');
    expect(pop).toHaveTextContent(
      'Perplexity 0.5%–2.8% above the 16-bit model, measured on 13 models',
    );
    expect(within(pop as HTMLElement).getByRole('link', { name: source.title })).toHaveAttribute(
      'href',
      source.url,
    );
    // Opening the details does not select the row; no figure is invented for unmeasured types.
    expect(useAppStore.getState().quantId).toBeNull();
    expect(within(row('Q8_0')).getByText('not measured')).toBeInTheDocument();
  });

  it('with a device: fits and longest context per quantization', () => {
    renderWithCatalog(<QuantTable />, {
      selection: { modelId: LLAMA, gpuId: 'nvidia-rtx-3060-12gb', contextTokens: 8192 },
    });
    expect(screen.getByRole('columnheader', { name: 'Fits?' })).toBeInTheDocument();
    // About 4.9 GB of weights + 1 GiB of KV cache is far below 90% of the card's 12 GiB.
    expect(within(row('Q4_K_M')).getByText('Great')).toBeInTheDocument();
    const ctx = (id: string) =>
      Number(row(id).querySelector('[data-field="max-context"]')?.getAttribute('data-value'));
    // Smaller files leave more room for context; 12 GiB holds Q4_K_M plus far more than 8K.
    expect(ctx('Q2_K')).toBeGreaterThan(ctx('Q4_K_M'));
    expect(ctx('Q4_K_M')).toBeGreaterThan(ctx('Q8_0'));
    expect(ctx('Q4_K_M')).toBeGreaterThan(32768);
  });

  it('DeepSeek R1 does not fit one 24 GB card in any listed quantization', () => {
    renderWithCatalog(<QuantTable />, {
      selection: { modelId: 'deepseek-ai/DeepSeek-R1-0528', gpuId: 'nvidia-rtx-4090' },
    });
    for (const id of ids())
      expect(row(id!).querySelector('[data-verdict]')).toHaveAttribute('data-verdict', 'no');
  });
});
