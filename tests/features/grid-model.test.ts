import { describe, expect, it } from 'vitest';
import type { Demand } from '../../src/domain/fit';
import type { DeviceSpec } from '../../src/domain/types';
import { GiB } from '../../src/domain/units';
import {
  buildGridEntries,
  distinctVendors,
  filterEntries,
  groupEntries,
  groupOf,
  sortEntries,
  summarize,
  summaryText,
  type GridEntry,
} from '../../src/features/gpu-grid/grid-model';
import { FIXTURE_DEVICES } from '../fixtures/catalog';

const dev = (id: string, extra: Partial<DeviceSpec>): DeviceSpec => ({
  id,
  name: id,
  vendor: 'NVIDIA',
  segment: 'consumer',
  memoryGb: 24,
  bandwidthGbS: 1000,
  fp16Tflops: null,
  gpuCount: 1,
  unifiedUsableFraction: null,
  unifiedUsableNote: null,
  releaseYear: 2024,
  sources: [],
  ...extra,
});

const MACBOOK = dev('apple-macbook-pro', {
  vendor: 'Apple',
  segment: 'laptop',
  memoryGb: 36,
  unifiedUsableFraction: 0.67,
});
const JETSON = dev('jetson', { segment: 'edge', memoryGb: 64 });
const SPARK = dev('dgx-spark', { segment: 'unified-memory-desktop', memoryGb: 128 });
const LAPTOP_4090 = dev('rtx-4090-laptop', { segment: 'laptop', memoryGb: 16 });
const RTX_A6000 = dev('rtx-a6000', { segment: 'workstation', memoryGb: 48 });
const MI300X_8 = dev('mi300x-x8', {
  vendor: 'AMD',
  segment: 'datacenter',
  memoryGb: 192,
  gpuCount: 8,
});

const byId = (entries: GridEntry[], id: string): GridEntry => {
  const e = entries.find((x) => x.device.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

describe('groupOf', () => {
  it.each([
    ['nvidia-rtx-4090', 'consumer'],
    ['nvidia-h100-sxm', 'datacenter'],
    ['apple-mac-studio-m3-ultra-512gb', 'unified'],
    ['nvidia-dgx-h100', 'multi'],
  ])('fixture %s -> %s', (id, group) => {
    const d = FIXTURE_DEVICES.find((x) => x.id === id);
    expect(d && groupOf(d)).toBe(group);
  });

  it.each([
    [MACBOOK, 'unified'], // unified memory wins over the laptop segment
    [JETSON, 'edge'], // edge stays edge although its memory is shared
    [SPARK, 'unified'],
    [LAPTOP_4090, 'laptop'],
    [RTX_A6000, 'workstation'],
    [MI300X_8, 'multi'],
  ])('%s', (d, group) => {
    expect(groupOf(d)).toBe(group);
  });
});

describe('buildGridEntries', () => {
  // 20 GiB split + 1 GiB per GPU = 21 GiB on one 24 GiB card: 87.5% of usable, under the
  // documented 90% "runs great" line.
  const small: Demand = { splitBytes: 20 * GiB, perDeviceBytes: 1 * GiB };
  // 100 GiB split + 1 GiB per GPU: 24 GiB cards need 5 (100/5 + 1 = 21 <= 24; 100/4 + 1 = 26 > 24).
  const large: Demand = { splitBytes: 100 * GiB, perDeviceBytes: 1 * GiB };

  it('fits one unit of every device, in catalog order', () => {
    const entries = buildGridEntries(FIXTURE_DEVICES, small);
    expect(entries.map((e) => e.device.id)).toEqual(FIXTURE_DEVICES.map((d) => d.id));
    expect(entries.every((e) => e.fit.gpus === Math.max(1, e.device.gpuCount))).toBe(true);
  });

  it('gives verdict, needed, usable and headroom for a single card', () => {
    const e = byId(buildGridEntries(FIXTURE_DEVICES, small), 'nvidia-rtx-4090');
    expect(e.fit.verdict).toBe('great');
    expect(e.fit.needed).toBe(1);
    expect(e.usableBytes).toBe(24 * GiB);
    expect(e.headroomBytes).toBe(3 * GiB);
  });

  it('counts how many cards a large model needs, and 0 when 8 are not enough', () => {
    const entries = buildGridEntries(FIXTURE_DEVICES, large);
    const rtx4090 = byId(entries, 'nvidia-rtx-4090');
    expect(rtx4090.fit.verdict).toBe('no');
    expect(rtx4090.fit.needed).toBe(5);
    expect(rtx4090.headroomBytes).toBe(-77 * GiB);
    // 12 GiB cards: 100/8 + 1 = 13.5 GiB > 12 GiB, so no count up to 8 is enough.
    expect(byId(entries, 'nvidia-rtx-3060-12gb').fit.needed).toBe(0);
  });

  it('counts all GPUs of a multi-GPU system', () => {
    const dgx = byId(buildGridEntries(FIXTURE_DEVICES, large), 'nvidia-dgx-h100');
    expect(dgx.fit.needed).toBe(1);
    expect(dgx.fit.verdict).toBe('great');
    expect(dgx.usableBytes).toBe(8 * 80 * GiB);
    // 640 GiB usable - (100 GiB split + 8 x 1 GiB per GPU)
    expect(dgx.headroomBytes).toBe(532 * GiB);
  });

  it('uses 75% of RAM for a unified Mac by default, more with the raised limit', () => {
    const mac = 'apple-mac-studio-m3-ultra-512gb';
    const base = byId(buildGridEntries(FIXTURE_DEVICES, small), mac);
    expect(base.unified).toBe(true);
    expect(base.usableAssumed).toBe(false);
    expect(base.usableBytes).toBe(384 * GiB);
    const raised = byId(
      buildGridEntries(FIXTURE_DEVICES, small, { raisedUnifiedLimit: true }),
      mac,
    );
    expect(raised.usableBytes).toBeGreaterThan(base.usableBytes);
  });

  it('flags a unified device without a published limit as assumed', () => {
    const [spark] = buildGridEntries([SPARK], small);
    expect(spark?.usableAssumed).toBe(true);
  });
});

describe('filter, sort, group, summarize', () => {
  const devices = [...FIXTURE_DEVICES, MACBOOK, JETSON, LAPTOP_4090, MI300X_8];
  const entries = buildGridEntries(devices, { splitBytes: 100 * GiB, perDeviceBytes: 1 * GiB });

  it('filters by group, vendor and "runs on one"', () => {
    const ids = (f: Parameters<typeof filterEntries>[1]) =>
      filterEntries(entries, f).map((e) => e.device.id);
    expect(ids({ group: 'consumer', vendor: null, onlyRuns: false })).toEqual([
      'nvidia-rtx-4090',
      'nvidia-rtx-3060-12gb',
    ]);
    expect(ids({ group: 'all', vendor: 'Apple', onlyRuns: false })).toEqual([
      'apple-mac-studio-m3-ultra-512gb',
      'apple-macbook-pro',
    ]);
    // 101+ GiB fits one unit only on the 512 GB Mac (384 GiB usable), the DGX and the 8 x MI300X.
    expect(ids({ group: 'all', vendor: null, onlyRuns: true })).toEqual([
      'apple-mac-studio-m3-ultra-512gb',
      'nvidia-dgx-h100',
      'mi300x-x8',
    ]);
    expect(ids({ group: 'edge', vendor: 'AMD', onlyRuns: false })).toEqual([]);
  });

  it('sorts by memory, headroom and bandwidth descending, name ascending', () => {
    const first = (s: Parameters<typeof sortEntries>[1]) => sortEntries(entries, s)[0]?.device.id;
    expect(first('memory')).toBe('mi300x-x8'); // 8 x 192 GB
    expect(first('headroom')).toBe('mi300x-x8');
    expect(first('bandwidth')).toBe('nvidia-dgx-h100'); // 3350 GB/s; tie with "NVIDIA H100 SXM" broken by name
    expect(sortEntries(entries, 'name').map((e) => e.device.name)).toEqual(
      [...devices.map((d) => d.name)].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('does not change its input', () => {
    const before = entries.map((e) => e.device.id);
    sortEntries(entries, 'name');
    expect(entries.map((e) => e.device.id)).toEqual(before);
  });

  it('groups in the fixed order and leaves out empty groups', () => {
    expect(groupEntries(entries).map((g) => g.label)).toEqual([
      'Consumer GPUs',
      'Datacenter',
      'Unified memory',
      'Laptop GPUs',
      'Edge',
      'Multi-GPU systems',
    ]);
  });

  it('counts verdicts and writes the summary', () => {
    const counts = summarize(entries);
    expect(counts).toEqual({ great: 3, tight: 0, no: 6 });
    expect(summaryText(counts)).toBe('3 run great, 0 tight, 6 do not');
    expect(summaryText({ great: 1, tight: 1, no: 1 })).toBe('1 runs great, 1 tight, 1 does not');
  });

  it('lists distinct vendors alphabetically', () => {
    expect(distinctVendors(devices)).toEqual(['AMD', 'Apple', 'NVIDIA']);
  });
});
