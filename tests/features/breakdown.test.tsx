import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Breakdown } from '../../src/features/breakdown/breakdown';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const FIELDS = ['weights', 'kv', 'compute', 'reserve', 'total'] as const;

function bytes(field: string): number {
  const el = screen.getByTestId('breakdown').querySelector(`[data-field="${field}"]`);
  const raw = el?.getAttribute('data-bytes');
  if (raw === null || raw === undefined) throw new Error(`no data-bytes for ${field}`);
  return Number(raw);
}

describe('Breakdown', () => {
  it('exposes the five figures as integer data-bytes that add up', () => {
    renderWithCatalog(<Breakdown />, { selection: { modelId: LLAMA, quantId: 'Q4_K_M' } });
    const root = screen.getByTestId('breakdown');
    const fields = [...root.querySelectorAll('[data-field][data-bytes]')].map((e) =>
      e.getAttribute('data-field'),
    );
    expect(fields).toEqual([...FIELDS]);
    for (const f of FIELDS) {
      const raw = root.querySelector(`[data-field="${f}"]`)?.getAttribute('data-bytes') ?? '';
      expect(raw).toMatch(/^\d+$/);
      expect(bytes(f)).toBeGreaterThan(0);
    }
    expect(bytes('weights') + bytes('kv') + bytes('compute') + bytes('reserve')).toBe(
      bytes('total'),
    );
  });

  it('uses the published file size for the download', () => {
    // bartowski/Meta-Llama-3.1-8B-Instruct-GGUF Q4_K_M: 4,920,739,232 bytes.
    renderWithCatalog(<Breakdown />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', unit: 'GB' },
    });
    expect(screen.getByText(/^Download:/)).toHaveTextContent('Download: 4.92 GB');
  });

  it('reports the reserve and KV figures with their sources', () => {
    // Llama 3.1 8B config.json: 32 layers, 8 KV heads, head_dim 128.
    renderWithCatalog(<Breakdown />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    // Ollama reserves 457 MiB per GPU.
    expect(bytes('reserve')).toBe(457 * 1024 * 1024);
    // llama.cpp logs 1024 MiB of f16 KV cache for Llama-3-8B at n_ctx 8192.
    expect(bytes('kv')).toBe(1024 * 1024 * 1024);
    expect(
      screen.getByText('8K tokens × 32 layers × 8 KV heads × 128 × K+V in f16'),
    ).toBeInTheDocument();
    expect(screen.getByText('CUDA/driver reserve per GPU (Ollama: 457 MiB)')).toBeInTheDocument();
  });

  it('shows a legend for the stacked bar', () => {
    renderWithCatalog(<Breakdown />, { selection: { modelId: LLAMA } });
    const legend = screen.getByRole('list', { name: 'Share of the total' });
    expect(legend).toHaveTextContent(/Weights \d+%/);
    expect(legend).toHaveTextContent(/KV cache \d+%/);
  });

  it('shows no verdict without a device', () => {
    renderWithCatalog(<Breakdown />, { selection: { modelId: LLAMA } });
    expect(screen.queryByText(/Runs great|Tight|Won't fit/)).not.toBeInTheDocument();
  });

  it('gives the verdict for an RTX 4090 with the thresholds', () => {
    // An 8B model at 4-bit with 8K context needs about 6 GB: well inside a 24 GB card.
    renderWithCatalog(<Breakdown />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090' },
    });
    expect(screen.getByText(/usable on NVIDIA GeForce RTX 4090/)).toBeInTheDocument();
    expect(screen.getByText(/headroom/)).toBeInTheDocument();
    expect(
      screen.getByText(/Runs great: ≤ 90% of usable memory; tight: ≤ 100%/),
    ).toBeInTheDocument();
  });

  it('exposes decode tokens/s in the published llama-bench range (RTX 4090, Llama 8B Q4_K_M)', () => {
    // RTX 4090, Llama 3 8B Q4_K_M tg512: 130.58 t/s (shared/reference/calibration.json).
    const { container } = renderWithCatalog(<Breakdown />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090' },
    });
    const el = container.querySelector('[data-field="decode-tps"]');
    const tps = Number(el?.getAttribute('data-value'));
    expect(tps).toBeGreaterThan(100);
    expect(tps).toBeLessThan(160);
    expect(el).toHaveTextContent(/≈ \d+ tokens\/s \(\d+–\d+\) generation/);
  });

  it('says when no count of the device is enough', () => {
    // DeepSeek R1 (671B) at 4-bit is about 400 GB: more than 8 x 24 GB.
    renderWithCatalog(<Breakdown />, {
      selection: { quantId: 'Q4_K_M', gpuId: 'nvidia-rtx-4090' },
    });
    expect(screen.getByText(/no count up to 8 is enough/)).toBeInTheDocument();
    expect(screen.getByText(/^Won't run/)).toBeInTheDocument();
  });

  it('counts the cache llama.cpp accepts: with flash attention off a q8_0 V stays f16, and says so', () => {
    // llama.cpp refuses a quantized V cache without flash attention, so only K is q8_0:
    // Llama 3.1 8B at 8K: K 512 MiB x 34/64 = 272 MiB, V 512 MiB in f16 = 784 MiB.
    renderWithCatalog(<Breakdown />, {
      selection: { modelId: LLAMA, kvType: 'q8_0', flashAttention: false, contextTokens: 8192 },
    });
    expect(screen.getByRole('note', { name: 'Warnings' })).toHaveTextContent(
      /Flash attention is off: llama.cpp keeps the V cache in f16/,
    );
    expect(bytes('kv')).toBe(784 * 1024 * 1024);
  });
});
