import { describe, expect, it } from 'vitest';
import { estimate, fitEstimate } from '../../src/domain/estimate';
import { GiB } from '../../src/domain/units';
import { tpsWithRange } from '../../src/features/offload-serving/offload-text';
import { buildSpeedLine, type SpeedLineInput } from '../../src/features/speed/speed-text';
import { FIXTURE_DEVICES, FIXTURE_MODELS } from '../fixtures/catalog';

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`fixture ${id} missing`);
  return found;
}

const LLAMA = byId(FIXTURE_MODELS, 'meta-llama/Llama-3.1-8B-Instruct');
const R1 = byId(FIXTURE_MODELS, 'deepseek-ai/DeepSeek-R1-0528');
const RTX_4090 = byId(FIXTURE_DEVICES, 'nvidia-rtx-4090');

function input(
  model: typeof LLAMA,
  quantId: string,
  o: { count?: number; ramGb?: number; contextTokens?: number } = {},
): SpeedLineInput {
  const e = estimate({
    arch: model.arch,
    quantId,
    contextTokens: o.contextTokens ?? 8192,
    parallel: 1,
    typeK: 'f16',
    typeV: 'f16',
    flashAttention: true,
  });
  const count = o.count ?? 1;
  const ramGb = o.ramGb ?? 32;
  return {
    estimate: e,
    fit: fitEstimate(e, RTX_4090, count),
    arch: model.arch,
    device: RTX_4090,
    count,
    ramGb,
    ramBytes: ramGb * GiB,
    ramBandwidthGbS: 89.6,
    usable: {},
    unit: 'GB',
  };
}

describe('tpsWithRange', () => {
  it('rounds to whole tokens above 10 and one decimal below', () => {
    expect(tpsWithRange(92.4, 70.2, 97.1)).toBe('92 tokens/s (70–97)');
    expect(tpsWithRange(3.12, 3.07, 4.04)).toBe('3.1 tokens/s (3.1–4.0)');
  });
});

describe('buildSpeedLine', () => {
  it('gives the all-GPU speed in the published llama-bench range when it fits', () => {
    // XiongjieDai GPU-Benchmarks-on-LLM-Inference: RTX 4090, Llama 3 8B Q4_K_M tg512 130.58 t/s.
    const line = buildSpeedLine(input(LLAMA, 'Q4_K_M'));
    expect(line.offload).toBe(false);
    expect(line.tps).toBeGreaterThan(100);
    expect(line.tps).toBeLessThan(160);
    expect(line.lead).toMatch(/^≈ \d+ tokens\/s \(\d+–\d+\) generation$/);
    expect(line.how).toContain('bandwidth 1,008 GB/s');
    expect(line.how).toContain('read per token; calibrated on llama-bench');
  });

  it('says that speed does not add up over several cards', () => {
    const line = buildSpeedLine(input(LLAMA, 'Q4_K_M', { count: 2 }));
    expect(line.how).toContain('over 2 GPUs');
  });

  it('gives the offload speed, labelled, when the model only runs with RAM', () => {
    // DeepSeek R1 (~400 GB at Q4_K_M) on one 24 GB card with 512 GB of RAM: experts in RAM.
    // Upper bound from outside the engine: 8 of 256 routed experts x 58 MoE layers x 3 x 7168 x
    // 2048 ≈ 20.4B parameters read per token from RAM at ≥ 4.5 bits ≈ 11.5 GB; at 89.6 GB/s that
    // is at most 7.8 tokens/s even at full bandwidth.
    const line = buildSpeedLine(input(R1, 'Q4_K_M', { ramGb: 512 }));
    expect(line.offload).toBe(true);
    expect(line.tps).toBeGreaterThan(1);
    expect(line.tps).toBeLessThan(7.8);
    expect(line.lead).toMatch(/generation with offload$/);
    expect(line.how).toContain('MoE experts in system RAM');
    expect(line.how).toContain('89.6 GB/s');
  });

  it('has no speed when not even system RAM is enough', () => {
    const line = buildSpeedLine(input(R1, 'Q4_K_M', { ramGb: 32 }));
    expect(line.tps).toBeNull();
    expect(line.lead).toContain("Won't run");
    expect(line.lead).toContain('32 GB of system RAM');
  });
});
