import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FitAdvice } from '../../src/features/fit-advice/fit-advice';
import { useAppStore } from '../../src/state/store';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';

describe('FitAdvice', () => {
  it('says nothing without a device', () => {
    const { container } = renderWithCatalog(<FitAdvice />, { selection: { modelId: LLAMA } });
    expect(container).toBeEmptyDOMElement();
  });

  it('shows no suggestions when the configuration fits', () => {
    renderWithCatalog(<FitAdvice />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090' },
    });
    expect(screen.queryByRole('heading', { name: 'What would make it fit' })).toBeNull();
  });

  it('applies a smaller quantization, after which it fits', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<FitAdvice />, {
      selection: {
        modelId: LLAMA,
        quantId: 'Q8_0',
        contextTokens: 32768,
        gpuId: 'nvidia-rtx-3060-12gb',
      },
    });
    // Q8_0 (8.54 GB file) + 4 GiB of f16 KV at 32K (llama.cpp: 1 GiB per 8K) exceed 12 GiB.
    expect(screen.getByRole('heading', { name: 'What would make it fit' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /^Use Q(4_K_M|6_K)$/ }));
    expect(['Q4_K_M', 'Q6_K']).toContain(useAppStore.getState().quantId);
    expect(screen.queryByRole('heading', { name: 'What would make it fit' })).toBeNull();
  });

  it('applies a shorter context, and more cards', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<FitAdvice />, {
      selection: {
        modelId: LLAMA,
        quantId: 'Q8_0',
        contextTokens: 131072,
        gpuId: 'nvidia-rtx-3060-12gb',
      },
    });
    await user.click(screen.getByRole('button', { name: /^Set context to / }));
    const ctx = useAppStore.getState().contextTokens ?? 0;
    expect(ctx).toBeLessThan(131072);
    expect(ctx).toBeGreaterThan(8192);
    expect(screen.queryByRole('heading', { name: 'What would make it fit' })).toBeNull();

    act(() => useAppStore.getState().setContext(131072));
    await user.click(
      await screen.findByRole('button', { name: /^Use \d × NVIDIA GeForce RTX 3060 12GB$/ }),
    );
    expect(useAppStore.getState().count).toBeGreaterThan(1);
    expect(screen.queryByRole('heading', { name: 'What would make it fit' })).toBeNull();
  });

  it('applies a quantized KV cache with flash attention', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<FitAdvice />, {
      selection: {
        modelId: LLAMA,
        quantId: 'Q4_K_M',
        contextTokens: 131072,
        flashAttention: false,
        gpuId: 'nvidia-rtx-3060-12gb',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Use q4_0 KV cache' }));
    expect(useAppStore.getState().kvType).toBe('q4_0');
    expect(useAppStore.getState().flashAttention).toBe(true);
  });

  it('DeepSeek R1 on one RTX 4090: only offload helps, and only with fast RAM', () => {
    // 512 GB of dual-channel DDR5 (89.6 GB/s) would run it below 5 tokens/s: nothing is offered.
    renderWithCatalog(<FitAdvice />, {
      selection: { modelId: R1, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090', ramGb: 512 },
    });
    expect(screen.getByText(/Nothing here makes it fit/)).toBeVisible();
    // 12-channel DDR5-4800 (460.8 GB/s) holds the experts fast enough.
    act(() => useAppStore.getState().setRamBandwidth(460.8));
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText(/^MoE experts in RAM: .* tokens\/s$/)).toBeVisible();
  });
});
