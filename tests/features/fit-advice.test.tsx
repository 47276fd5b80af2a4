import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FitAdvice } from '../../src/features/fit-advice/fit-advice';
import { useAppStore } from '../../src/state/store';
import { FIXTURE_QUANTS } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';

describe('FitAdvice', () => {
  it('asks for a device when none is selected', () => {
    renderWithCatalog(<FitAdvice />, { selection: { modelId: LLAMA } });
    expect(screen.getByText(/^Pick a GPU or computer above to see/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists the longest context for every catalog quantization', () => {
    renderWithCatalog(<FitAdvice />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-3060-12gb' },
    });
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Full context (128K)?' })).toBeVisible();
    for (const q of FIXTURE_QUANTS) {
      expect(within(table).getByRole('rowheader', { name: new RegExp(`^${q.id}`) })).toBeVisible();
    }
    // 12 GB card: Q4_K_M weights (4.9 GB) + 16 GiB of f16 KV at 128K cannot fit; BF16 weights
    // (16 GB) do not fit at any context.
    const q4 = within(table)
      .getByRole('rowheader', { name: /^Q4_K_M/ })
      .closest('tr');
    expect(q4).not.toBeNull();
    expect(within(q4 as HTMLElement).getByText('no')).toBeVisible();
    const bf16 = within(table)
      .getByRole('rowheader', { name: /^ST-BF16/ })
      .closest('tr');
    expect(within(bf16 as HTMLElement).getByText("Doesn't fit")).toBeVisible();
    // Smaller quantizations leave more room for context.
    const ctx = (id: string) =>
      Number(
        within(table)
          .getByRole('rowheader', { name: new RegExp(`^${id}`) })
          .closest('tr')
          ?.getAttribute('data-max-context'),
      );
    expect(ctx('Q2_K')).toBeGreaterThan(ctx('Q4_K_M'));
    expect(ctx('Q4_K_M')).toBeGreaterThan(ctx('Q8_0'));
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
        contextTokens: 65536,
        gpuId: 'nvidia-rtx-3060-12gb',
      },
    });
    expect(screen.getByRole('heading', { name: 'What would make it fit' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Use Q2_K' }));
    expect(useAppStore.getState().quantId).toBe('Q2_K');
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

  it('DeepSeek R1 on one RTX 4090: nothing but offload helps', () => {
    renderWithCatalog(<FitAdvice />, {
      selection: { modelId: R1, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090', ramGb: 512 },
    });
    const list = screen.getByRole('list');
    expect(within(list).getByText(/no quantization fits/)).toBeVisible();
    expect(within(list).getByText(/needs more than 8 ×/)).toBeVisible();
    expect(within(list).getByText(/^experts in RAM: .* t\/s$/)).toBeVisible();
  });
});
