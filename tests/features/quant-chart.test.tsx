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
    const summary = await screen.findByText(/^Smallest: Q2_K at .*; largest: ST-BF16 at /);
    // 12 GiB = 12.9 GB usable. BF16 weights alone are 8.03B x 2 B = 16.1 GB; Q8_0 (8.5 bits per
    // weight, 8.5 GB) plus 1 GiB of KV at 8K still fits, so every GGUF type fits and BF16 does not.
    expect(summary).toHaveTextContent(
      /At 8K tokens, 4 of 5 quantizations fit 1 × NVIDIA GeForce RTX 3060 12GB/,
    );
  });
});
