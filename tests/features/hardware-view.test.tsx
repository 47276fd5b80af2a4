import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HardwareView } from '../../src/features/hardware/hardware-view';
import { useAppStore } from '../../src/state/store';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';

function modelRow(container: HTMLElement, id: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`tr[data-model="${id}"]`);
}

async function rowOf(container: HTMLElement, id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const r = modelRow(container, id);
    if (!r) throw new Error(`no ${id} row yet`);
    return r;
  });
}

describe('HardwareView', () => {
  it('asks for a device first', () => {
    renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    expect(screen.getByText(/pick a gpu or computer to see what it can run/i)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists the models an RTX 4090 runs, with the contract attributes', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    const box = screen.getByRole('combobox', { name: 'Your GPU or computer' });
    await user.click(box);
    await user.type(box, '4090{Enter}');
    const llama = await rowOf(container, LLAMA);
    // Q8_0 Llama 3.1 8B (8.54 GB file) plus 1 GiB of 8K KV cache fits 24 GiB with room to spare.
    expect(llama.dataset.quant).toBe('Q8_0');
    expect(llama.dataset.verdict).toBe('great');
    expect(llama.dataset.maxCtx).toMatch(/^\d+$/);
    expect(Number(llama.dataset.gpuBytes)).toBeGreaterThan(9e9);
    expect(llama.dataset.ramBytes).toBe('0');
    expect(within(llama).getByText('Runs great')).toBeInTheDocument();
    // DeepSeek R1 (671B) does not run: hidden until asked for.
    expect(modelRow(container, R1)).toBeNull();
    expect(screen.getByText(/models run great/)).toHaveTextContent(
      /On NVIDIA GeForce RTX 4090 \(24 GB\): 2 models run great, 0 tight, 0 only with offload; 1 won't run/,
    );
    await user.click(screen.getByRole('checkbox', { name: /show models that don't run/i }));
    expect(modelRow(container, R1)?.dataset.verdict).toBe('no');
  });

  it('the default order: runs great first, then the largest models', async () => {
    const { container } = renderWithCatalog(<HardwareView />, {
      selection: { view: 'hardware', gpuId: 'nvidia-rtx-4090' },
    });
    await rowOf(container, LLAMA);
    const ids = [...container.querySelectorAll<HTMLElement>('tr[data-model]')].map(
      (r) => r.dataset.model,
    );
    // Gemma 2 9B (9.24B parameters) before Llama 3.1 8B (8.03B).
    expect(ids).toEqual(['google/gemma-2-9b-it', LLAMA]);
  });

  it('Open sends the model to the calculator and keeps the GPU', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<HardwareView />, {
      selection: { view: 'hardware', gpuId: 'nvidia-rtx-4090', count: 2, ramGb: 96 },
    });
    const llama = await rowOf(container, LLAMA);
    await user.click(within(llama).getByRole('button', { name: /open/i }));
    const s = useAppStore.getState();
    expect(s.view).toBe('calc');
    expect(s.modelId).toBe(LLAMA);
    expect(s.quantId).toBe(llama.dataset.quant);
    expect(s.contextTokens).toBe(8192);
    expect(s.gpuId).toBe('nvidia-rtx-4090');
    expect(s.count).toBe(2);
    expect(s.ramGb).toBe(96);
  });

  it('filters by family through the store', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<HardwareView />, {
      selection: { view: 'hardware', gpuId: 'nvidia-rtx-4090' },
    });
    await rowOf(container, LLAMA);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Family' }), 'Gemma 2');
    expect(useAppStore.getState().hwFamily).toBe('Gemma 2');
    expect(modelRow(container, LLAMA)).toBeNull();
    expect(modelRow(container, 'google/gemma-2-9b-it')).not.toBeNull();
  });

  it('a Mac: no system RAM fields (one memory pool), the GPU limit instead', async () => {
    renderWithCatalog(<HardwareView />, {
      selection: { view: 'hardware', gpuId: 'apple-mac-studio-m3-ultra-512gb' },
    });
    expect(screen.queryByRole('spinbutton', { name: /system ram/i })).not.toBeInTheDocument();
    expect(screen.getByText(/One memory pool for the CPU and the GPU/)).toBeInTheDocument();
    useAppStore.getState().selectGpu('nvidia-rtx-4090');
    expect(await screen.findByRole('spinbutton', { name: /system ram/i })).toBeInTheDocument();
  });

  it('changes the context through the store', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Context you need' }), '32768');
    expect(useAppStore.getState().hwContextTokens).toBe(32768);
  });
});
