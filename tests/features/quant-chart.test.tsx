import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LazyQuantChart } from '../../src/features/quant-chart/lazy-quant-chart';
import { renderWithCatalog } from '../test-utils';

// recharts draws nothing in jsdom (no layout); the SVG is checked in the browser tests.
describe('LazyQuantChart', () => {
  it('loads the chart and shows its text summary', async () => {
    renderWithCatalog(<LazyQuantChart />, {
      selection: { modelId: 'meta-llama/Llama-3.1-8B-Instruct', gpuId: 'nvidia-rtx-3060-12gb' },
    });
    // The chart's code is imported lazily; the summary appears once it has loaded.
    const summary = await screen.findByText(
      /Smallest: Q2_K at .*; largest: Q8_0 at /,
      {},
      { timeout: 30_000 },
    );
    // 12 GiB usable. Q8_0 (8.5 bits per weight, the 8.54 GB bartowski file) plus 1 GiB of KV at
    // 8K still fits, so every listed GGUF type fits.
    expect(summary).toHaveTextContent(
      /At 8K tokens, 4 of 4 quantizations fit 1 × NVIDIA GeForce RTX 3060 12GB/,
    );
  });
});
