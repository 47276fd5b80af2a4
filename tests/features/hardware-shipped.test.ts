import { describe, expect, it } from 'vitest';
import { evaluateCatalog, type HardwareOptions } from '../../src/domain/hardware-sweep';
import { usableBytesPerGpu } from '../../src/domain/fit';
import { modelParams } from '../../src/domain/recommend';
import { GiB } from '../../src/domain/units';
import { sortRows } from '../../src/features/hardware/hardware-rows';
import { SHIPPED, shippedDevice } from '../fixtures/shipped-catalog';

/** The hardware view's defaults (state/selection.ts): 8K context, f16 KV, flash attention, 32 GB RAM. */
const opts = (deviceId: string, o: Partial<HardwareOptions> = {}): HardwareOptions => ({
  device: shippedDevice(deviceId),
  count: 1,
  raisedLimit: false,
  ramBytes: 32 * GiB,
  ramBandwidthGbS: 89.6,
  contextTokens: 8192,
  kvType: 'f16',
  flashAttention: true,
  extreme: false,
  ...o,
});

const LOW_BIT = /^(IQ1|IQ2|Q2|TQ)/;

describe('the hardware view on the shipped catalog (issue 9)', () => {
  it.each(['apple-macbook-pro-m3-pro-36gb', 'apple-macbook-air-m1-16gb'])(
    '%s: one memory pool, nothing said to run needs more than the GPU may use, no offload',
    (id) => {
      const o = opts(id);
      const usable = usableBytesPerGpu(o.device);
      const rows = evaluateCatalog(SHIPPED.models, SHIPPED.quants, o);
      const running = rows.filter((r) => r.best);
      expect(running.length).toBeGreaterThan(5);
      for (const r of running) {
        expect(r.best!.ramBytes, r.model.id).toBe(0);
        expect(r.best!.gpuBytes, r.model.id).toBeLessThanOrEqual(usable);
        expect(r.best!.gpuBytes, r.model.id).toBeLessThanOrEqual(o.device.memoryGb * GiB);
        expect(r.verdict).not.toBe('offload');
        for (const a of r.alternatives) expect(a.ramBytes).toBe(0);
      }
      // A 70B model does not run on 16 GB in any form.
      if (id.endsWith('16gb')) {
        const big = rows.filter((r) => modelParams(r.model) > 60e9);
        for (const r of big) expect(r.best, r.model.id).toBeNull();
      }
    },
  );

  it('RTX 4070: Qwen3 14B at a K- or I-quant that runs great; nothing under 100B at 1-2 bits; the first row runs great', () => {
    const rows = evaluateCatalog(SHIPPED.models, SHIPPED.quants, opts('nvidia-rtx-4070'));
    const qwen = rows.find((r) => r.model.id === 'Qwen/Qwen3-14B');
    expect(qwen?.best?.verdict).toBe('great');
    expect(qwen?.best?.quantId).toMatch(/^(Q\d_K|IQ\d)/);
    for (const r of rows) {
      if (r.best && modelParams(r.model) < 100e9)
        expect(r.best.quantId, r.model.id).not.toMatch(LOW_BIT);
    }
    const sorted = sortRows(rows, 'best');
    expect(sorted[0]?.verdict).toBe('great');
  });
});
