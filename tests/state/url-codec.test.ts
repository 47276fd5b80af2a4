import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, LEGACY_DEFAULTS } from '../../src/state/selection';
import { decodeSelection, encodeSelection } from '../../src/state/url-codec';

describe('share URL codec (shared/design/CONTRACTS.md)', () => {
  it('reads every contract key', () => {
    const { selection, notices } = decodeSelection(
      '?v=2&model=deepseek-ai/DeepSeek-R1-0528&quant=Q4_K_M&ctx=32768&kv=q8_0&gpu=nvidia-rtx-4090&count=2&view=hardware&unit=GB',
    );
    expect(notices).toEqual([]);
    expect(selection).toMatchObject({
      modelId: 'deepseek-ai/DeepSeek-R1-0528',
      quantId: 'Q4_K_M',
      contextTokens: 32768,
      kvType: 'q8_0',
      gpuId: 'nvidia-rtx-4090',
      count: 2,
      view: 'hardware',
      unit: 'GB',
    });
  });

  it('writes v=2 first, keeps the "/" of a model id and leaves defaults out', () => {
    const qs = encodeSelection({
      ...DEFAULT_SELECTION,
      modelId: 'Qwen/Qwen2.5-7B-Instruct',
      contextTokens: 4096,
    });
    expect(qs).toBe('v=2&model=Qwen/Qwen2.5-7B-Instruct&ctx=4096');
    expect(encodeSelection(DEFAULT_SELECTION)).toBe('');
  });

  it('reads links written before version 2 with their own defaults', () => {
    // Such links showed DeepSeek R1 0528 without a model= key, and figures in decimal GB.
    const old = decodeSelection('?gpu=nvidia-rtx-4090&ctx=32768');
    expect(old.notices).toEqual([]);
    expect(old.selection).toMatchObject({
      modelId: LEGACY_DEFAULTS.modelId,
      unit: 'GB',
      hwSort: 'size',
      gpuId: 'nvidia-rtx-4090',
      contextTokens: 32768,
    });
    // ...and written back they keep showing the same thing.
    const again = decodeSelection(`?${encodeSelection(old.selection)}`).selection;
    expect(again).toEqual(old.selection);
    // An explicit model or unit in an old link is kept.
    expect(decodeSelection('?model=Qwen/Qwen3-14B&unit=GiB').selection).toMatchObject({
      modelId: 'Qwen/Qwen3-14B',
      unit: 'GiB',
    });
    // A bare address is a first visit, not an old link.
    expect(decodeSelection('').selection).toEqual(DEFAULT_SELECTION);
  });

  it('round-trips a full selection', () => {
    const s = {
      ...DEFAULT_SELECTION,
      modelId: 'google/gemma-3-27b-it',
      quantId: 'IQ4_XS',
      contextTokens: 131072,
      kvType: 'q4_0' as const,
      flashAttention: false,
      parallel: 4,
      gpuId: 'apple-mac-studio-m3-ultra-512gb',
      count: 3,
      unit: 'GB' as const,
      raisedLimit: true,
      gridGroup: 'unified' as const,
      gridVendor: 'Apple',
      gridOnlyRuns: true,
      gridSort: 'headroom' as const,
      gridFind: 'm3 pro',
      quantList: 'all' as const,
      quantVllm: true,
      extremeQuants: true,
      view: 'hardware' as const,
      ramGb: 64,
      ramBandwidthGbS: 120.5,
      vllmUtilization: 0.85,
      hwContextTokens: 32768,
      hwSort: 'speed' as const,
      hwFamily: 'Qwen3',
      hwMoe: 'moe' as const,
      hwLicense: 'Apache-2.0',
      hwMaxParamsB: 70,
    };
    expect(decodeSelection(`?${encodeSelection(s)}`).selection).toEqual(s);
  });

  it.each([
    ['ctx=banana', 'ctx'],
    ['ctx=NaN', 'ctx'],
    ['ctx=-5', 'ctx'],
    ['ctx=1e9', 'ctx'],
    ['kv=q9_9', 'kv'],
    ['count=0', 'count'],
    ['count=1000', 'count'],
    ['count=2.5', 'count'],
    ['model=<script>alert(1)</script>', 'model'],
    ['gpu=%00%01', 'gpu'],
    ['unit=furlongs', 'unit'],
    ['fa=maybe', 'fa'],
    [`quant=${'x'.repeat(500)}`, 'quant'],
    ['view=admin', 'view'],
    ['ram=-1', 'ram'],
    ['util=2', 'util'],
    ['hwsort=random', 'hwsort'],
    ['rambw=1e99', 'rambw'],
    ['quants=everything', 'quants'],
    ['find=<b>', 'find'],
  ])('a hostile %s falls back to the default and names the key', (query, key) => {
    const { selection, notices, rewrite } = decodeSelection(`?v=2&${query}`);
    expect(notices.map((n) => n.key)).toEqual([key]);
    expect(selection).toEqual(DEFAULT_SELECTION);
    expect(rewrite).toBe(true);
  });

  it('clamps a context out of range instead of dropping it, and says so', () => {
    const big = decodeSelection('?v=2&ctx=99999999999');
    expect(big.selection.contextTokens).toBe(16 * 1024 * 1024);
    expect(big.notices.map((n) => n.key)).toEqual(['ctx']);
    const small = decodeSelection('?v=2&ctx=100');
    expect(small.selection.contextTokens).toBe(512);
    expect(small.rewrite).toBe(true);
  });

  it('ignores unknown keys and never throws on garbage', () => {
    expect(() => decodeSelection('?%E0%A4%A=1&&&=&utm_source=x')).not.toThrow();
    expect(decodeSelection('?utm_source=x').notices).toEqual([]);
    expect(decodeSelection('?v=7').notices.map((n) => n.key)).toEqual(['v']);
  });
});
