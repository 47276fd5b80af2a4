import { describe, expect, it } from 'vitest';
import { estimate, fitEstimate } from '../../src/domain/estimate';
import { bytesPerGpu, fitOnDevice, usableBytesPerGpu, verdictFor } from '../../src/domain/fit';
import type { DeviceSpec } from '../../src/domain/types';
import { GiB } from '../../src/domain/units';
import { DEEPSEEK_R1, LLAMA_31_8B } from '../fixtures/archs';
import { testDevice } from '../fixtures/devices';

const card = (memoryGb: number, extra: Partial<DeviceSpec> = {}): DeviceSpec =>
  testDevice(memoryGb, extra);

describe('fit on a device', () => {
  it('uses the GPU-usable fraction of unified memory, and the raised limit only when asked', () => {
    // gpus.json: Apple Macs with more than 36 GB default to about 75% (recommendedMaxWorkingSetSize).
    const mac = card(128, {
      segment: 'unified-memory-desktop',
      vendor: 'Apple',
      unifiedUsableFraction: 0.75,
    });
    expect(usableBytesPerGpu(mac)).toBe(96 * GiB);
    expect(usableBytesPerGpu(mac, { raisedUnifiedLimit: true })).toBe(120 * GiB);
    expect(usableBytesPerGpu(card(24))).toBe(24 * GiB);
  });

  it('raising the limit never lowers it: a 16 GB Mac keeps its default 67% (10.72 GiB), not 16 - 8 GiB', () => {
    const air = card(16, {
      segment: 'unified-memory-desktop',
      vendor: 'Apple',
      unifiedUsableFraction: 0.67,
    });
    expect(usableBytesPerGpu(air, { raisedUnifiedLimit: true })).toBe(usableBytesPerGpu(air));
  });

  it('verdict thresholds: great up to 90% of usable memory, tight up to 100%, no beyond', () => {
    expect(verdictFor(90, 100)).toBe('great');
    expect(verdictFor(95, 100)).toBe('tight');
    expect(verdictFor(100, 100)).toBe('tight');
    expect(verdictFor(101, 100)).toBe('no');
  });

  it('Llama 3.1 8B Q4_K_M at 8K runs great on a 24 GB card, and not on a 4 GB one', () => {
    const e = estimate({
      arch: LLAMA_31_8B,
      quantId: 'Q4_K_M',
      contextTokens: 8192,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: true,
    });
    expect(fitEstimate(e, card(24), 1).verdict).toBe('great');
    expect(fitEstimate(e, card(4), 1).verdict).toBe('no');
    expect(fitEstimate(e, card(4), 1).needed).toBe(2);
  });

  it('a layer split makes every GPU pay its own compute buffer and reserve', () => {
    const d = { splitBytes: 100 * GiB, perDeviceBytes: 1 * GiB };
    expect(bytesPerGpu(d, 4)).toBe(26 * GiB);
    // 80 GB cards: 2 x (50 + 1) fits; adding VRAM up (160 GB > 101 GB) is not the test.
    expect(fitOnDevice(d, card(80), 1).needed).toBe(2);
    // 24 GB cards: 100/n + 1 <= 24 needs n = 5 (4 would need 26 GiB each).
    expect(fitOnDevice(d, card(24), 1).needed).toBe(5);
  });

  it('DeepSeek R1 0528 Q4_K_M does not fit one 80 GB GPU and reports 0 when 8 of a small card are not enough', () => {
    const e = estimate({
      arch: DEEPSEEK_R1,
      quantId: 'Q4_K_M',
      contextTokens: 32768,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: true,
    });
    expect(fitEstimate(e, card(80), 1).verdict).toBe('no');
    // ~404 GB of weights (376 GiB) cannot go on fewer than five 80 GiB cards.
    expect(fitEstimate(e, card(80), 1).needed).toBeGreaterThanOrEqual(5);
    expect(fitEstimate(e, card(24), 1).needed).toBe(0);
  });

  it('a multi-GPU system counts its GPUs: 8 x 80 GB holds R1 Q4_K_M', () => {
    const dgx = card(80, { segment: 'datacenter', gpuCount: 8 });
    const e = estimate({
      arch: DEEPSEEK_R1,
      quantId: 'Q4_K_M',
      contextTokens: 32768,
      parallel: 1,
      typeK: 'f16',
      typeV: 'f16',
      flashAttention: true,
    });
    const fit = fitEstimate(e, dgx, 1);
    expect(fit.gpus).toBe(8);
    expect(fit.verdict).toBe('great');
    expect(fit.needed).toBe(1);
  });

  it('warns that a quantized V cache needs flash attention in llama.cpp', () => {
    const e = estimate({
      arch: LLAMA_31_8B,
      quantId: 'Q4_K_M',
      contextTokens: 8192,
      parallel: 1,
      typeK: 'q8_0',
      typeV: 'q8_0',
      flashAttention: false,
    });
    expect(e.warnings.join(' ')).toMatch(/flash attention/);
  });
});
