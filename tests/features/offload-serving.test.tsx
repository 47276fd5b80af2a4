import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OffloadServing } from '../../src/features/offload-serving/offload-serving';
import { useAppStore } from '../../src/state/store';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';

function figure(name: string): HTMLElement {
  const dt = screen.getByText(name, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no value for ${name}`);
  return dd;
}

describe('OffloadServing', () => {
  it('asks for a device when none is selected', () => {
    renderWithCatalog(<OffloadServing />, { selection: { modelId: LLAMA } });
    expect(screen.getByText(/^Pick a GPU or computer above to see/)).toBeInTheDocument();
    expect(screen.queryByLabelText('System RAM (GB)')).toBeNull();
  });

  it('says the model fits without offload when it does', () => {
    renderWithCatalog(<OffloadServing />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090' },
    });
    expect(screen.getByText(/Fits on the GPU: no offload needed/)).toBeVisible();
    expect(screen.queryByText('Placement')).toBeNull();
  });

  it('DeepSeek R1 on an RTX 4090 with 512 GB: runs only with offload; less RAM changes the plan', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<OffloadServing />, {
      selection: { modelId: R1, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090', ramGb: 512 },
    });
    // 37B active parameters at ~4.9 bits, mostly experts read from dual-channel DDR5: slow.
    expect(screen.getByText(/below the 5 tokens\/s we count as usable/)).toBeVisible();
    expect(figure('Placement')).toHaveTextContent(
      'MoE experts in system RAM (llama.cpp --n-cpu-moe)',
    );
    expect(figure('System RAM used')).toHaveTextContent(/of 512 GB$/);
    expect(figure('Speed')).toHaveTextContent(/^≈ [\d.]+ tokens\/s \([\d.]+–[\d.]+\)$/);
    const before = figure('System RAM used').textContent;

    const ram = screen.getByRole('spinbutton', { name: 'System RAM (GB)' });
    await user.clear(ram);
    await user.type(ram, '32{Enter}');
    expect(useAppStore.getState().ramGb).toBe(32);
    expect(figure('Placement')).toHaveTextContent('Does not fit even with RAM');
    expect(figure('System RAM used').textContent).not.toBe(before);
    expect(figure('Speed')).toHaveTextContent('—');
  });

  it('RAM bandwidth changes the offload speed', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<OffloadServing />, {
      selection: { modelId: R1, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090', ramGb: 512 },
    });
    const bw = screen.getByRole('spinbutton', { name: 'RAM bandwidth (GB/s)' });
    expect(bw).toHaveAccessibleDescription(/DDR5-5600 ≈ 89.6 GB\/s/);
    const before = figure('Speed').textContent;
    await user.clear(bw);
    await user.type(bw, '460.8{Enter}');
    expect(useAppStore.getState().ramBandwidthGbS).toBe(460.8);
    expect(figure('Speed').textContent).not.toBe(before);
  });

  it('Llama 3.1 8B Q4_K_M at 8K on an RTX 4090 serves 17 to 19 users', () => {
    // llama.cpp's log: 1 GiB of f16 KV per 8K sequence; 24 GiB - ~5 GiB of weights, compute and
    // reserve leaves room for about 18 of them.
    renderWithCatalog(<OffloadServing />, {
      selection: {
        modelId: LLAMA,
        quantId: 'Q4_K_M',
        contextTokens: 8192,
        gpuId: 'nvidia-rtx-4090',
      },
    });
    const el = screen.getByText(/users at 8K each/);
    const users = Number(el.getAttribute('data-max-parallel'));
    expect(users).toBeGreaterThanOrEqual(17);
    expect(users).toBeLessThanOrEqual(19);
    expect(el).toHaveTextContent(`${users} users at 8K each`);
  });

  it('binds Parallel users to the store', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<OffloadServing />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090' },
    });
    const input = screen.getByRole('spinbutton', { name: 'Parallel users' });
    await user.clear(input);
    await user.type(input, '4');
    expect(useAppStore.getState().parallel).toBe(4);
  });

  it('vLLM: BF16 checkpoint for a GGUF selection; utilization changes the KV capacity', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<OffloadServing />, {
      selection: {
        modelId: LLAMA,
        quantId: 'Q4_K_M',
        contextTokens: 8192,
        gpuId: 'nvidia-h100-sxm',
      },
    });
    expect(figure('Weights')).toHaveTextContent(/\(BF16 checkpoint\)$/);
    const tokens = () => Number(figure('KV cache capacity').getAttribute('data-kv-tokens'));
    const before = tokens();
    // 80 GB x 0.9 - 16 GB of BF16 weights - activations and CUDA graphs: tens of GB of KV at
    // 128 KiB per token (Llama 3 8B, bf16) = several hundred thousand tokens.
    expect(before).toBeGreaterThan(200_000);
    expect(before % 16).toBe(0);
    const util = screen.getByRole('spinbutton', { name: 'GPU memory utilization' });
    await user.clear(util);
    await user.type(util, '0.5{Enter}');
    expect(useAppStore.getState().vllmUtilization).toBe(0.5);
    expect(tokens()).toBeLessThan(before);
  });

  it('warns when tensor parallel does not divide the KV heads', () => {
    // Llama 3.1 8B has 8 KV heads: 3 GPUs do not divide them.
    renderWithCatalog(<OffloadServing />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090', count: 3 },
    });
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('does not divide');
    expect(within(note).getByText(/1, 2, 4 or 8 × NVIDIA GeForce RTX 4090/)).toBeVisible();
  });
});
