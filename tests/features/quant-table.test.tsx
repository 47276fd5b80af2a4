import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuantTable } from '../../src/features/quant-table/quant-table';
import { useAppStore } from '../../src/state/store';
import { FIXTURE_QUANTS } from '../fixtures/catalog';
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

describe('QuantTable', () => {
  it('has one row per catalog quantization, in catalog order, under a captioned table', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    expect(
      screen.getByRole('table', { name: /memory by quantization at 8K tokens/i }),
    ).toBeVisible();
    const ids = [...document.querySelectorAll('tr[data-quant]')].map((tr) =>
      tr.getAttribute('data-quant'),
    );
    expect(ids).toEqual(FIXTURE_QUANTS.map((q) => q.id));
  });

  it('gives every figure cell an integer data-bytes', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    for (const q of FIXTURE_QUANTS) {
      for (const field of FIELDS) expect(bytesOf(q.id, field)).toMatch(/^\d+$/);
    }
  });

  it('shows the published Llama 3.1 8B Q4_K_M file size to the byte', () => {
    // bartowski/Meta-Llama-3.1-8B-Instruct-GGUF, Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf: 4,920,739,232 bytes (LFS size).
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    expect(bytesOf('Q4_K_M', 'file')).toBe('4920739232');
    expect(within(row('Q4_K_M')).getByText('4.92 GB')).toBeVisible();
  });

  it('shows the Llama 3 8B f16 KV cache at 8K tokens as llama.cpp allocates it', () => {
    // llama.cpp log for Llama 3 8B, n_ctx 8192, f16: "KV self size = 1024.00 MiB".
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA, contextTokens: 8192 } });
    expect(bytesOf('Q8_0', 'kv')).toBe(String(1024 * 1024 * 1024));
  });

  it('names the chosen context in the caption', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA, contextTokens: 32768 } });
    expect(screen.getByRole('table', { name: /at 32K tokens/i })).toBeVisible();
    expect(screen.getByRole('columnheader', { name: /total at 128K/i })).toBeVisible();
  });

  it('marks the recommended quantization, selected by default', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    expect(within(row('Q4_K_M')).getByText('recommended')).toBeVisible();
    expect(row('Q4_K_M')).toHaveAttribute('aria-selected', 'true');
    expect(row('Q8_0')).toHaveAttribute('aria-selected', 'false');
    expect(within(row('ST-BF16')).getByText('safetensors')).toBeVisible();
    expect(within(row('Q8_0')).getByText('GGUF')).toBeVisible();
  });

  it('selects a quantization when its row is clicked', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    await user.click(within(row('Q6_K')).getByText('Q6_K'));
    expect(row('Q6_K')).toHaveAttribute('aria-selected', 'true');
    expect(row('Q4_K_M')).toHaveAttribute('aria-selected', 'false');
    expect(useAppStore.getState().quantId).toBe('Q6_K');
  });

  it('works with the keyboard: Tab to a row, arrows move, Enter and Space select', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    await user.tab();
    expect(row('Q8_0')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(row('Q6_K')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().quantId).toBe('Q6_K');
    expect(row('Q6_K')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(row('Q4_K_M')).toHaveFocus();
    await user.keyboard(' ');
    expect(useAppStore.getState().quantId).toBe('Q4_K_M');
  });

  it('shows the published perplexity increase, and never invents one', () => {
    renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    // llama.cpp quantize.cpp: Q4_K_M "+0.1754 ppl @ Llama-3-8B" (fixture copies it).
    const ppl = within(row('Q4_K_M')).getByText('+0.1754 ppl');
    expect(ppl).toHaveAttribute('title', expect.stringMatching(/Llama-3-8B/));
    expect(within(row('Q4_K_M')).getByRole('link', { name: /source/i })).toHaveAttribute(
      'href',
      'https://example.org/fixture',
    );
    expect(within(row('ST-BF16')).getByText('no published figure')).toBeVisible();
  });

  it('adds a fit verdict per quantization when a device is selected', () => {
    const { unmount } = renderWithCatalog(<QuantTable />, { selection: { modelId: LLAMA } });
    expect(screen.queryByRole('columnheader', { name: /fits/i })).toBeNull();
    unmount();
    renderWithCatalog(<QuantTable />, {
      selection: { modelId: LLAMA, gpuId: 'nvidia-rtx-4090', contextTokens: 8192 },
    });
    expect(
      screen.getByRole('columnheader', { name: /fits 1 × NVIDIA GeForce RTX 4090/i }),
    ).toBeVisible();
    // About 4.9 GB of weights + 1 GiB of KV cache is far below 90% of the card's 24 GiB.
    expect(within(row('Q4_K_M')).getByText('Runs great')).toBeVisible();
  });

  it("says a 671B model won't fit one 24 GB card in any quantization", () => {
    renderWithCatalog(<QuantTable />, { selection: { gpuId: 'nvidia-rtx-4090' } });
    for (const q of FIXTURE_QUANTS) {
      expect(within(row(q.id)).getByText("Won't fit")).toBeVisible();
    }
  });
});
