import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GpuGrid } from '../../src/features/gpu-grid/gpu-grid';
import { useAppStore } from '../../src/state/store';
import { FIXTURE_DEVICES } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const DEEPSEEK = 'deepseek-ai/DeepSeek-R1-0528';

function entry(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-gpu="${id}"]`);
  if (!el) throw new Error(`no entry for ${id}`);
  return el;
}

describe('GpuGrid', () => {
  it('renders every fixture device with the contract attributes', () => {
    const { container } = renderWithCatalog(<GpuGrid />, { selection: { modelId: LLAMA } });
    for (const d of FIXTURE_DEVICES) {
      const el = entry(container, d.id);
      expect(['great', 'tight', 'no']).toContain(el.dataset.verdict);
      expect(el.dataset.needed).toMatch(/^\d+$/);
      expect(el).toHaveTextContent(d.name);
    }
  });

  it('shows the groups as headings in order', () => {
    renderWithCatalog(<GpuGrid />, { selection: { modelId: LLAMA } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Consumer GPUs (2)',
      'Datacenter (1)',
      'Unified memory (1)',
      'Multi-GPU systems (1)',
    ]);
  });

  it('Llama 3.1 8B Q4_K_M at 8K runs great on a 24 GB RTX 4090', () => {
    // 4,920,739,232-byte file (bartowski) + 1 GiB f16 KV cache at 8K + buffers is about 6-7 GB,
    // far under 90% of 24 GiB.
    const { container } = renderWithCatalog(<GpuGrid />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    const el = entry(container, 'nvidia-rtx-4090');
    expect(el).toHaveAttribute('data-verdict', 'great');
    expect(el).toHaveAttribute('data-needed', '1');
    expect(el).toHaveTextContent('Runs great');
    expect(el).not.toHaveTextContent(/needs/);
  });

  it('DeepSeek R1 Q4_K_M does not fit 24 GB cards (even 8) but runs on a DGX H100', () => {
    // The Q4_K_M GGUF is about 404 GB; 8 x 24 GiB is 206 GB, 8 x 80 GiB is 687 GB.
    const { container } = renderWithCatalog(<GpuGrid />, {
      selection: { modelId: DEEPSEEK, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    const rtx = entry(container, 'nvidia-rtx-4090');
    expect(rtx).toHaveAttribute('data-verdict', 'no');
    expect(rtx).toHaveAttribute('data-needed', '0');
    expect(rtx).toHaveTextContent("Won't fit");
    expect(rtx).toHaveTextContent('needs more than 8');
    expect(rtx).toHaveTextContent(/Missing/);

    const dgx = entry(container, 'nvidia-dgx-h100');
    expect(dgx.dataset.verdict).not.toBe('no');
    expect(dgx).toHaveAttribute('data-needed', '1');
    expect(dgx).toHaveTextContent('8 × 80 GB');

    // An "80 GB" H100 carries 80 GiB = 85.9 GB: four (343.6 GB) are too few for ~404 GB, five
    // (429.5 GB) leave room for the cache and each card's buffers.
    const h100 = entry(container, 'nvidia-h100-sxm');
    expect(h100).toHaveAttribute('data-verdict', 'no');
    expect(h100).toHaveAttribute('data-needed', '5');
    expect(h100).toHaveTextContent('needs 5');
  });

  it('notes the default GPU share of a unified-memory Mac', () => {
    const { container } = renderWithCatalog(<GpuGrid />, { selection: { modelId: LLAMA } });
    expect(entry(container, 'apple-mac-studio-m3-ultra-512gb')).toHaveTextContent(
      'GPU may use ~75% of RAM',
    );
  });

  it('"Only those that run it" hides the entries that do not fit', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<GpuGrid />, {
      selection: { modelId: DEEPSEEK, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    expect(container.querySelector('[data-verdict="no"]')).not.toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /only those that run it/i }));
    expect(useAppStore.getState().gridOnlyRuns).toBe(true);
    expect(container.querySelector('[data-verdict="no"]')).toBeNull();
    expect(entry(container, 'nvidia-dgx-h100')).toBeInTheDocument();
  });

  it('filters by group and vendor, with an empty state that clears the filters', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<GpuGrid />, { selection: { modelId: LLAMA } });
    await user.selectOptions(screen.getByRole('combobox', { name: /group/i }), 'Unified memory');
    expect(container.querySelectorAll('[data-gpu]')).toHaveLength(1);
    await user.selectOptions(screen.getByRole('combobox', { name: /vendor/i }), 'NVIDIA');
    expect(useAppStore.getState()).toMatchObject({ gridGroup: 'unified', gridVendor: 'NVIDIA' });
    expect(screen.getByText('No device matches these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(container.querySelectorAll('[data-gpu]')).toHaveLength(FIXTURE_DEVICES.length);
  });

  it('sorts by name', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<GpuGrid />, {
      selection: { modelId: LLAMA, gridGroup: 'consumer' },
    });
    const ids = () =>
      [...container.querySelectorAll<HTMLElement>('[data-gpu]')].map((e) => e.dataset.gpu);
    // Memory (default): 24 GB before 12 GB.
    expect(ids()).toEqual(['nvidia-rtx-4090', 'nvidia-rtx-3060-12gb']);
    await user.selectOptions(screen.getByRole('combobox', { name: /sort/i }), 'name');
    expect(useAppStore.getState().gridSort).toBe('name');
    expect(ids()).toEqual(['nvidia-rtx-3060-12gb', 'nvidia-rtx-4090']);
  });

  it('clicking an entry selects the device', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<GpuGrid />, { selection: { modelId: LLAMA } });
    const button = within(entry(container, 'nvidia-h100-sxm')).getByRole('button');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    expect(useAppStore.getState().gpuId).toBe('nvidia-h100-sxm');
    expect(button).toHaveAttribute('aria-pressed', 'true');
  });

  it('selects with the keyboard and shows the result at the chosen count', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<GpuGrid />, {
      selection: { modelId: DEEPSEEK, quantId: 'Q4_K_M', contextTokens: 8192, count: 8 },
    });
    const button = within(entry(container, 'nvidia-h100-sxm')).getByRole('button');
    button.focus();
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().gpuId).toBe('nvidia-h100-sxm');
    // Eight 80 GB H100s hold the ~404 GB model.
    expect(entry(container, 'nvidia-h100-sxm')).toHaveTextContent(
      /With 8: (Runs great|Tight), headroom \+/,
    );
  });

  it('the summary updates when the quantization changes', () => {
    renderWithCatalog(<GpuGrid />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    // Q4_K_M (4.92 GB file) fits every fixture device, the 12 GB RTX 3060 included.
    expect(screen.getByTestId('grid-summary')).toHaveTextContent('5 run great, 0 tight, 0 do not');
    // BF16 weights are 8.03B x 2 bytes = 16.06 GB, more than the 3060's 12 GiB (12.88 GB).
    act(() => useAppStore.getState().selectQuant('ST-BF16'));
    expect(screen.getByTestId('grid-summary')).toHaveTextContent(
      '4 run great, 0 tight, 1 does not',
    );
  });
});
