import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, decodeSelection, encodeSelection } from '../../src/state/url-codec';

describe('share URL codec (shared/design/CONTRACTS.md)', () => {
  it('reads every contract key', () => {
    const { selection, notices } = decodeSelection(
      '?model=deepseek-ai/DeepSeek-R1-0528&quant=Q4_K_M&ctx=32768&kv=q8_0&gpu=nvidia-rtx-4090&count=2',
    );
    expect(notices).toEqual([]);
    expect(selection).toMatchObject({
      modelId: 'deepseek-ai/DeepSeek-R1-0528',
      quantId: 'Q4_K_M',
      contextTokens: 32768,
      kvType: 'q8_0',
      gpuId: 'nvidia-rtx-4090',
      count: 2,
    });
  });

  it('keeps the "/" of a model id and leaves defaults out', () => {
    const qs = encodeSelection({
      ...DEFAULT_SELECTION,
      modelId: 'Qwen/Qwen2.5-7B-Instruct',
      contextTokens: 4096,
    });
    expect(qs).toBe('model=Qwen/Qwen2.5-7B-Instruct&ctx=4096');
    expect(encodeSelection(DEFAULT_SELECTION)).toBe('');
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
      unit: 'GiB' as const,
      raisedLimit: true,
      gridGroup: 'unified' as const,
      gridVendor: 'Apple',
      gridOnlyRuns: true,
      gridSort: 'headroom' as const,
      view: 'hardware' as const,
      ramGb: 64,
      ramBandwidthGbS: 120.5,
      vllmUtilization: 0.85,
      hwContextTokens: 32768,
      hwSort: 'speed' as const,
      hwFamily: 'Qwen3',
      hwMoe: 'moe' as const,
      hwLicense: 'apache-2.0',
      hwMaxParamsB: 70,
    };
    expect(decodeSelection(`?${encodeSelection(s)}`).selection).toEqual(s);
  });

  it.each([
    ['ctx=banana', 'ctx'],
    ['ctx=NaN', 'ctx'],
    ['ctx=-5', 'ctx'],
    ['ctx=1e9', 'ctx'],
    ['ctx=99999999999', 'ctx'],
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
  ])('a hostile %s falls back to the default and names the key', (query, key) => {
    const { selection, notices } = decodeSelection(`?${query}`);
    expect(notices.map((n) => n.key)).toEqual([key]);
    expect(selection).toEqual(DEFAULT_SELECTION);
  });

  it('ignores unknown keys and never throws on garbage', () => {
    expect(() => decodeSelection('?%E0%A4%A=1&&&=&utm_source=x')).not.toThrow();
    expect(decodeSelection('?utm_source=x').notices).toEqual([]);
  });
});
