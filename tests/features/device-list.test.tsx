import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeviceList } from '../../src/features/device-list/device-list';
import { GiB } from '../../src/domain/units';
import { useAppStore } from '../../src/state/store';
import { FIXTURE_CATALOG, FIXTURE_DEVICES } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const DEEPSEEK = 'deepseek-ai/DeepSeek-R1-0528';

function entry(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-gpu="${id}"]`);
  if (!el) throw new Error(`no entry for ${id}`);
  return el;
}

function field(el: HTMLElement, name: string): number {
  return Number(el.querySelector(`[data-field="${name}"]`)?.getAttribute('data-bytes'));
}

describe('DeviceList', () => {
  it('lists every device with the contract attributes, capacity and usable memory', () => {
    const { container } = renderWithCatalog(<DeviceList />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M' },
    });
    for (const d of FIXTURE_DEVICES) {
      const el = entry(container, d.id);
      expect(['great', 'tight', 'no']).toContain(el.dataset.verdict);
      expect(el.dataset.needed).toMatch(/^\d+$/);
      // A "24 GB" card carries 24 GiB; usable is never above what is installed.
      expect(field(el, 'capacity')).toBe(d.memoryGb * GiB * d.gpuCount);
      expect(field(el, 'usable')).toBeLessThanOrEqual(field(el, 'capacity'));
    }
    // The Mac's GPU may use 75% of its memory by default (fixture).
    const mac = entry(container, 'apple-mac-studio-m3-ultra-512gb');
    expect(field(mac, 'usable')).toBe(0.75 * 512 * GiB);
  });

  it('groups by verdict: Llama 3.1 8B Q4_K_M at 8K runs great everywhere', () => {
    // 4,920,739,232-byte file (bartowski) + 1 GiB f16 KV cache at 8K + buffers is about 6 GiB,
    // under 90% of the 12 GB RTX 3060, the smallest fixture device.
    renderWithCatalog(<DeviceList />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Runs great (5)',
    ]);
    expect(screen.getByTestId('grid-summary')).toHaveTextContent(
      "5 run it great, 0 tight, 0 need several, 0 won't run. Smallest that run it: NVIDIA GeForce RTX 3060 12GB (runs great)",
    );
  });

  it('DeepSeek R1 Q4_K_M: needs 5 H100s, one DGX H100, and no 24 GB card count is enough', async () => {
    // The Q4_K_M GGUF is about 404 GB; an "80 GB" H100 carries 80 GiB = 85.9 GB: four (343.6 GB)
    // are too few, five (429.5 GB) leave room for the cache and each card's buffers; eight 24 GiB
    // cards (206 GB) are far too few.
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<DeviceList />, {
      selection: { modelId: DEEPSEEK, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    const h100 = entry(container, 'nvidia-h100-sxm');
    expect(h100).toHaveAttribute('data-verdict', 'no');
    expect(h100).toHaveAttribute('data-needed', '5');
    expect(h100).toHaveTextContent('Needs 5');
    expect(entry(container, 'nvidia-dgx-h100')).toHaveAttribute('data-needed', '1');
    // Won't run: collapsed with its count.
    expect(container.querySelector('[data-gpu="nvidia-rtx-4090"]')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Won't run: 2 devices/ }));
    const rtx = entry(container, 'nvidia-rtx-4090');
    expect(rtx).toHaveAttribute('data-needed', '0');
    expect(rtx).toHaveTextContent("Won't run");
  });

  it('a unified-memory Mac is never "needed" in multiples', async () => {
    // Llama 3.1 8B BF16 (16.06 GB of weights) does not fit 67% of a 16 GB Mac; two Macs do not
    // pool their memory, so it is "won't run", not "needs 2".
    const mac = {
      ...FIXTURE_DEVICES[3]!,
      id: 'apple-macbook-air-16gb',
      name: 'Apple MacBook Air (16 GB)',
      memoryGb: 16,
      unifiedUsableFraction: 0.67,
    };
    const { container } = renderWithCatalog(<DeviceList />, {
      catalog: { ...FIXTURE_CATALOG, devices: [...FIXTURE_DEVICES, mac] },
      selection: { modelId: LLAMA, quantId: 'ST-BF16', contextTokens: 8192 },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: /Won't run/ }));
    expect(entry(container, 'apple-macbook-air-16gb')).toHaveAttribute('data-needed', '0');
    expect(entry(container, 'nvidia-rtx-3060-12gb')).toHaveAttribute('data-needed', '2');
  });

  it('finds devices by search text, and clears it', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<DeviceList />, { selection: { modelId: LLAMA } });
    await user.type(screen.getByRole('searchbox', { name: 'Find a device' }), 'h100');
    const ids = [...container.querySelectorAll<HTMLElement>('[data-gpu]')].map(
      (e) => e.dataset.gpu,
    );
    expect(ids.sort()).toEqual(['nvidia-dgx-h100', 'nvidia-h100-sxm']);
    await user.clear(screen.getByRole('searchbox', { name: 'Find a device' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find a device' }), 'zzz');
    expect(screen.getByText('No device matches “zzz”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(container.querySelectorAll('[data-gpu]')).toHaveLength(FIXTURE_DEVICES.length);
  });

  it('sorts by memory, smallest first, or by name', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<DeviceList />, {
      selection: { modelId: LLAMA, gridGroup: 'consumer' },
    });
    const ids = () =>
      [...container.querySelectorAll<HTMLElement>('[data-gpu]')].map((e) => e.dataset.gpu);
    expect(ids()).toEqual(['nvidia-rtx-3060-12gb', 'nvidia-rtx-4090']);
    await user.selectOptions(screen.getByRole('combobox', { name: /sort/i }), 'name');
    expect(useAppStore.getState().gridSort).toBe('name');
    expect(ids()).toEqual(['nvidia-rtx-3060-12gb', 'nvidia-rtx-4090']);
    await user.selectOptions(screen.getByRole('combobox', { name: /sort/i }), 'bandwidth');
    expect(ids()).toEqual(['nvidia-rtx-4090', 'nvidia-rtx-3060-12gb']);
  });

  it('clicking a device selects it, and it leads its group', async () => {
    const user = userEvent.setup();
    const { container } = renderWithCatalog(<DeviceList />, { selection: { modelId: LLAMA } });
    const button = within(entry(container, 'nvidia-h100-sxm')).getByRole('button');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    expect(useAppStore.getState().gpuId).toBe('nvidia-h100-sxm');
    const first = container.querySelector<HTMLElement>('[data-gpu]');
    expect(first?.dataset.gpu).toBe('nvidia-h100-sxm');
  });

  it('follows the quantization', () => {
    renderWithCatalog(<DeviceList />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', contextTokens: 8192 },
    });
    // BF16 weights are 8.03B x 2 bytes = 16.06 GB, more than the 3060's 12 GiB (12.88 GB).
    act(() => useAppStore.getState().selectQuant('ST-BF16'));
    expect(screen.getByTestId('grid-summary')).toHaveTextContent(
      '4 run it great, 0 tight, 1 need several',
    );
  });
});
