import { describe, expect, it } from 'vitest';
import type { KvEstimate } from '../../src/domain/kv-cache';
import type { FitResult } from '../../src/domain/fit';
import {
  explainCompute,
  explainHeadroom,
  explainKv,
  explainNeeded,
  explainReserve,
  explainUse,
  explainWeights,
  partPercents,
  thresholdsText,
} from '../../src/features/breakdown/explain';
import type { RunSettings } from '../../src/domain/estimate-cache';
import type { Estimate } from '../../src/domain/estimate';
import type { WeightsEstimate } from '../../src/domain/weights';
import { DEEPSEEK_R1, GEMMA2_9B, LLAMA_31_8B, QWEN3_NEXT_80B } from '../fixtures/archs';
import { FIXTURE_DEVICES, FIXTURE_QUANTS } from '../fixtures/catalog';

const run = (o: Partial<RunSettings> = {}): RunSettings => ({
  contextTokens: 32768,
  parallel: 1,
  kvType: 'f16',
  flashAttention: true,
  ...o,
});

const kv = (o: Partial<KvEstimate> = {}): KvEstimate => ({
  totalBytes: 0,
  fullBytes: 0,
  slidingBytes: 0,
  stateBytes: 0,
  cells: 32768,
  slidingCells: 32768,
  cachedLayers: 0,
  ...o,
});

const weights = (o: Partial<WeightsEstimate> = {}): WeightsEstimate => ({
  fileBytes: 0,
  tensorBytes: 0,
  deviceBytes: 0,
  hostBytes: 0,
  activeBytes: 0,
  params: 0,
  bitsPerWeight: 4.89,
  expertBytes: 0,
  byType: {},
  ...o,
});

const quant = (id: string) => {
  const q = FIXTURE_QUANTS.find((x) => x.id === id);
  if (!q) throw new Error(id);
  return q;
};

describe('explainWeights', () => {
  it('names the recipe, bits per weight and the embedding kept in RAM', () => {
    expect(explainWeights(quant('Q4_K_M'), weights({ hostBytes: 295_501_824 }), 'GB')).toBe(
      'Q4_K_M recipe, 4.89 bits/weight, tensor by tensor; token embedding (0.30 GB) stays in system RAM',
    );
  });

  it('omits the RAM note for tied embeddings and names safetensors checkpoints', () => {
    expect(explainWeights(quant('ST-BF16'), weights({ bitsPerWeight: 16 }), 'GB')).toBe(
      'ST-BF16 checkpoint, 16.00 bits/weight, tensor by tensor',
    );
  });
});

describe('explainKv', () => {
  // Layer and head numbers from each model's config.json.
  it('MLA: DeepSeek R1, 61 layers x (512 + 64)-wide latent row', () => {
    expect(explainKv(DEEPSEEK_R1, run(), kv(), 'GB')).toBe(
      '32K tokens × 61 layers × 576-wide latent row (MLA) in f16',
    );
  });

  it('GQA: Llama 3.1 8B, 32 layers x 8 KV heads x 128, with sequences and type', () => {
    expect(explainKv(LLAMA_31_8B, run({ parallel: 4, kvType: 'q8_0' }), kv(), 'GB')).toBe(
      '32K tokens × 4 sequences × 32 layers × 8 KV heads × 128 × K+V in q8_0',
    );
  });

  it('sliding window: Gemma 2 9B, 21 + 21 layers, sliding cells capped', () => {
    const text = explainKv(GEMMA2_9B, run(), kv({ slidingCells: 4608 }), 'GB');
    expect(text).toBe(
      '32K tokens × 21 full-attention layers × 8 KV heads × 256 × K+V in f16; ' +
        '21 sliding-window layers (window 4K) capped at 4,608 cells × 8 KV heads × 256 × K+V',
    );
  });

  it('hybrid: Qwen3-Next adds the fixed recurrent state of its 36 DeltaNet layers', () => {
    const text = explainKv(QWEN3_NEXT_80B, run(), kv({ stateBytes: 1e9 }), 'GB');
    expect(text).toBe(
      '32K tokens × 12 layers × 2 KV heads × 256 × K+V in f16; ' +
        '+ fixed recurrent state 1.00 GB (36 layers, does not grow with context)',
    );
  });
});

describe('compute and reserve', () => {
  it('describes the compute buffer settings', () => {
    expect(explainCompute(run({ flashAttention: false }))).toBe(
      'llama.cpp compute buffer, flash attention off, ubatch 512',
    );
  });

  it('names the Ollama reserve in MiB', () => {
    expect(explainReserve(457 * 1024 * 1024)).toBe('CUDA/driver reserve per GPU (Ollama: 457 MiB)');
  });
});

describe('partPercents', () => {
  it('splits the total into shares that sum to 100', () => {
    const e = {
      weights: weights({ deviceBytes: 60 }),
      kv: kv({ totalBytes: 20 }),
      computeBytes: 15,
      reserveBytes: 5,
    } as Estimate;
    expect(partPercents(e)).toEqual({ weights: 60, kv: 20, compute: 15, reserve: 5 });
  });
});

describe('fit sentences', () => {
  const rtx4090 = FIXTURE_DEVICES[0];
  const dgx = FIXTURE_DEVICES.find((d) => d.gpuCount > 1);
  const fit = (o: Partial<FitResult>): FitResult => ({
    verdict: 'great',
    gpus: 1,
    usableBytesPerGpu: 24e9,
    needBytesPerGpu: 6e9,
    headroomBytes: 18e9,
    needed: 1,
    ...o,
  });

  it('uses X of Y on one card', () => {
    if (!rtx4090) throw new Error('fixture');
    expect(explainUse(fit({}), rtx4090, 1, 'GB')).toBe(
      'uses 6.00 GB of 24.00 GB usable on NVIDIA GeForce RTX 4090',
    );
    expect(explainUse(fit({ gpus: 2 }), rtx4090, 2, 'GB')).toBe(
      'uses 6.00 GB of 24.00 GB usable per GPU on 2 × NVIDIA GeForce RTX 4090',
    );
  });

  it('counts the GPUs of multi-GPU systems', () => {
    if (!dgx) throw new Error('fixture');
    expect(explainUse(fit({ gpus: 16 }), dgx, 2, 'GB')).toMatch(
      /on 2 × NVIDIA DGX H100 \(16 GPUs\)$/,
    );
  });

  it('headroom and how many are needed', () => {
    expect(explainHeadroom(fit({}), 'GB')).toBe('18.00 GB headroom');
    expect(explainHeadroom(fit({ headroomBytes: -3e9 }), 'GB')).toBe('short by 3.00 GB');
    expect(explainNeeded(fit({ needed: 1 }), 8)).toBeNull();
    expect(explainNeeded(fit({ needed: 3 }), 8)).toBe('needs 3');
    expect(explainNeeded(fit({ needed: 0 }), 8)).toBe('no count up to 8 is enough');
  });

  it('states the documented thresholds', () => {
    expect(thresholdsText()).toMatch(/^Runs great: ≤ 90% of usable memory; tight: ≤ 100%/);
  });
});
