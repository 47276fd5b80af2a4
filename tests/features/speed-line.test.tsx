import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SpeedLine } from '../../src/features/speed/speed-line';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';

function speedElement(container: HTMLElement): Element | null {
  return container.querySelector('[data-field="decode-tps"]');
}

describe('SpeedLine', () => {
  it('asks for a device when none is selected', () => {
    const { container } = renderWithCatalog(<SpeedLine />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M' },
    });
    expect(screen.getByText(/Pick a GPU or computer above to see/)).toBeInTheDocument();
    expect(speedElement(container)).toBeNull();
  });

  it('exposes decode tokens/s in the published llama-bench range (RTX 4090, Llama 8B Q4_K_M)', () => {
    // RTX 4090, Llama 3 8B Q4_K_M tg512: 130.58 t/s (XiongjieDai GPU-Benchmarks-on-LLM-Inference).
    const { container } = renderWithCatalog(<SpeedLine />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090' },
    });
    const el = speedElement(container);
    const raw = el?.getAttribute('data-value') ?? '';
    expect(raw).toMatch(/^\d+(\.\d+)?(e[+-]?\d+)?$/);
    const tps = Number(raw);
    expect(tps).toBeGreaterThan(100);
    expect(tps).toBeLessThan(160);
    expect(el).toHaveTextContent(/≈ \d+ tokens\/s \(\d+–\d+\) generation/);
    expect(el).toHaveTextContent(/calibrated on llama-bench/);
  });

  it('shows the offload speed, labelled, when the model runs only with RAM', () => {
    const { container } = renderWithCatalog(<SpeedLine />, {
      selection: { modelId: R1, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090', ramGb: 512 },
    });
    const el = speedElement(container);
    expect(el).toHaveTextContent(/generation with offload/);
    expect(Number(el?.getAttribute('data-value'))).toBeGreaterThan(0);
  });
});
