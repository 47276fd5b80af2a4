import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectedHardware } from '../../src/features/hardware/detect-hardware';
import { HardwareView } from '../../src/features/hardware/hardware-view';
import { useAppStore } from '../../src/state/store';
import { renderWithCatalog } from '../test-utils';

const detected = vi.hoisted(() => ({
  value: { renderer: null, vendor: null, deviceMemoryGb: null } as DetectedHardware,
}));

vi.mock('../../src/features/hardware/detect-hardware', () => ({
  detectHardware: () => Promise.resolve(detected.value),
}));

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';
const RTX_4090_ANGLE =
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 (0x00002684) Direct3D11 vs_5_0 ps_5_0, D3D11)';

function modelRow(container: HTMLElement, id: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`tr[data-model="${id}"]`);
}

beforeEach(() => {
  detected.value = { renderer: null, vendor: null, deviceMemoryGb: null };
});

describe('HardwareView', () => {
  it('asks for a device first', () => {
    renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    expect(screen.getByText(/pick a gpu or computer to see what it can run/i)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists the models an RTX 4090 runs, with the contract attributes', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'GPU or computer' }),
      'nvidia-rtx-4090',
    );
    const llama = await waitFor(() => {
      const r = modelRow(container, LLAMA);
      if (!r) throw new Error('no Llama row yet');
      return r;
    });
    // Q8_0 Llama 3.1 8B (8.54 GB file) plus 1 GiB of 8K KV cache fits 24 GiB with room to spare.
    expect(llama.dataset.quant).toBe('Q8_0');
    expect(llama.dataset.verdict).toBe('great');
    expect(Number(llama.dataset.maxCtx)).toBeGreaterThanOrEqual(8192);
    expect(llama.dataset.maxCtx).toMatch(/^\d+$/);
    expect(within(llama).getByText('Runs great')).toBeInTheDocument();
    expect(within(llama).getByText(/≈ \d+ t\/s \(\d+–\d+\)/)).toBeInTheDocument();
    // DeepSeek R1 (671B) does not run: hidden until asked for.
    expect(modelRow(container, R1)).toBeNull();
    expect(screen.getByText(/models run on/)).toHaveTextContent(
      /2 models run on 1 × NVIDIA GeForce RTX 4090 \(24 GB\): 2 fully on the GPU, 0 with offload/,
    );
    await user.click(screen.getByRole('checkbox', { name: /show models that don't run/i }));
    expect(modelRow(container, R1)?.dataset.verdict).toBe('no');
    expect(within(modelRow(container, R1)!).getByText("Won't run")).toBeInTheDocument();
  });

  it('Open sends the model to the calculator and keeps the GPU', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<HardwareView />, {
      selection: { view: 'hardware', gpuId: 'nvidia-rtx-4090', count: 2, ramGb: 96 },
    });
    const llama = await waitFor(() => {
      const r = modelRow(container, LLAMA);
      if (!r) throw new Error('no Llama row yet');
      return r;
    });
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
    await waitFor(() => expect(modelRow(container, LLAMA)).not.toBeNull());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Family' }), 'Gemma 2');
    expect(useAppStore.getState().hwFamily).toBe('Gemma 2');
    expect(modelRow(container, LLAMA)).toBeNull();
    expect(modelRow(container, 'google/gemma-2-9b-it')).not.toBeNull();
  });

  it('offers the device guessed from the WebGL renderer, and applies it only on "Use it"', async () => {
    detected.value = { renderer: RTX_4090_ANGLE, vendor: 'nvidia', deviceMemoryGb: 8 };
    const user = userEvent.setup();
    renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    const banner = await screen.findByRole('region', { name: /detected gpu/i });
    expect(banner).toHaveTextContent(
      /This looks like an NVIDIA GeForce RTX 4090 \(from your browser's WebGL renderer string — a guess\)\. Use it\?/,
    );
    expect(useAppStore.getState().gpuId).toBeNull();
    expect(screen.getByText(/your browser reports at least 8 GB of RAM/i)).toBeInTheDocument();
    await user.click(within(banner).getByRole('button', { name: 'Use it' }));
    expect(useAppStore.getState().gpuId).toBe('nvidia-rtx-4090');
    expect(screen.queryByRole('region', { name: /detected gpu/i })).not.toBeInTheDocument();
  });

  it('"No thanks" dismisses the guess without changing the device', async () => {
    detected.value = { renderer: RTX_4090_ANGLE, vendor: 'nvidia', deviceMemoryGb: null };
    const user = userEvent.setup();
    renderWithCatalog(<HardwareView />, {
      selection: { view: 'hardware', gpuId: 'nvidia-rtx-3060-12gb' },
    });
    const banner = await screen.findByRole('region', { name: /detected gpu/i });
    await user.click(within(banner).getByRole('button', { name: 'No thanks' }));
    expect(screen.queryByRole('region', { name: /detected gpu/i })).not.toBeInTheDocument();
    expect(useAppStore.getState().gpuId).toBe('nvidia-rtx-3060-12gb');
  });

  it('shows no banner when the guess is the device already selected, or when unsure', async () => {
    detected.value = { renderer: RTX_4090_ANGLE, vendor: null, deviceMemoryGb: null };
    const { unmount } = renderWithCatalog(<HardwareView />, {
      selection: { view: 'hardware', gpuId: 'nvidia-rtx-4090' },
    });
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
    expect(screen.queryByRole('region', { name: /detected gpu/i })).not.toBeInTheDocument();
    unmount();
    detected.value = { renderer: 'Intel(R) UHD Graphics 630', vendor: null, deviceMemoryGb: null };
    renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('region', { name: /detected gpu/i })).not.toBeInTheDocument();
  });

  it('changes the context through the store', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<HardwareView />, { selection: { view: 'hardware' } });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Context you need' }), '32768');
    expect(useAppStore.getState().hwContextTokens).toBe(32768);
    expect(screen.getByText(/dual-channel DDR5-5600 ≈ 89.6 GB\/s/)).toBeInTheDocument();
  });
});
