import { describe, expect, it } from 'vitest';
import {
  matchDevice,
  matchDeviceConfidently,
  normalizeRenderer,
} from '../../src/domain/match-device';
import { FIXTURE_DEVICES } from '../fixtures/catalog';
import { SHIPPED } from '../fixtures/shipped-catalog';

const DEVICES = SHIPPED.devices;

// Renderer strings as browsers report them (Chrome/ANGLE on Windows and macOS, Firefox and
// Chrome on Linux with the proprietary NVIDIA driver or Mesa, Safari).
const CASES: [string, string, string | null][] = [
  [
    'Chrome on Windows, NVIDIA (ANGLE D3D11)',
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 (0x00002684) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'nvidia-rtx-4090',
  ],
  [
    'Chrome on Windows, NVIDIA laptop GPU',
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Laptop GPU (0x00002757) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'nvidia-rtx-4090-laptop',
  ],
  ['Linux NVIDIA driver', 'NVIDIA GeForce RTX 3060/PCIe/SSE2', 'nvidia-rtx-3060-12gb'],
  [
    'Ti is a different card',
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Ti (0x00002489) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'nvidia-rtx-3060-ti',
  ],
  ['AMD', 'AMD Radeon RX 7900 XTX', 'amd-rx-7900-xtx'],
  [
    'AMD on Linux (Mesa radeonsi)',
    'AMD Radeon RX 7900 XT (radeonsi, navi31, LLVM 15.0.7, DRM 3.49, 6.1.0-13-amd64)',
    'amd-rx-7900-xt',
  ],
  ['Apple M1 Pro', 'Apple M1 Pro', 'apple-macbook-pro-m1-pro-16gb'],
  [
    'Apple via ANGLE Metal',
    'ANGLE (Apple, ANGLE Metal Renderer: Apple M3 Max, Unspecified Version)',
    'apple-macbook-pro-m3-max-128gb',
  ],
  ['Apple M2 Max', 'Apple M2 Max', 'apple-mac-studio-m2-max-32gb'],
  ['plain Apple M1', 'Apple M1', 'apple-macbook-air-m1-16gb'],
  [
    'Intel integrated graphics',
    'ANGLE (Intel, Intel(R) UHD Graphics 630 (0x00003E92) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    null,
  ],
  ['Intel Iris Xe on Linux', 'Mesa Intel(R) Xe Graphics (TGL GT2)', null],
  ['Safari hides the chip', 'Apple GPU', null],
  ['a card the catalog lacks', 'NVIDIA GeForce GTX 960/PCIe/SSE2', null],
  ['GTX 1660 SUPER', 'NVIDIA GeForce GTX 1660 SUPER/PCIe/SSE2', 'nvidia-gtx-1660-super'],
  [
    'a non-XT card is not the XT',
    'AMD Radeon RX 6800 (navi21, LLVM 15.0.7, DRM 3.49)',
    'amd-rx-6800',
  ],
  [
    'software renderer',
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
    null,
  ],
  ['Titan RTX has no model number', 'NVIDIA TITAN RTX/PCIe/SSE2', 'nvidia-titan-rtx'],
];

describe('matchDevice (catalog devices)', () => {
  it.each(CASES)('%s', (_label, renderer, expected) => {
    expect(matchDevice(renderer, DEVICES)).toBe(expected);
  });

  it('returns null for a missing renderer', () => {
    expect(matchDevice(null, DEVICES)).toBeNull();
    expect(matchDevice('', DEVICES)).toBeNull();
  });

  it('is confident only when exactly one device matches (no memory variants)', () => {
    expect(
      matchDeviceConfidently(
        'ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 (0x00002684) Direct3D11 vs_5_0 ps_5_0, D3D11)',
        DEVICES,
      ),
    ).toBe('nvidia-rtx-4090');
    // An M3 Max comes with 36 to 128 GB; an RTX 3060 with 8 or 12 GB: no confident guess.
    expect(matchDeviceConfidently('Apple M3 Max', DEVICES)).toBeNull();
    expect(matchDeviceConfidently('NVIDIA GeForce RTX 3060/PCIe/SSE2', DEVICES)).toBeNull();
    expect(matchDeviceConfidently(null, DEVICES)).toBeNull();
  });

  it('never proposes a multi-GPU system', () => {
    expect(matchDevice('NVIDIA H100 80GB HBM3/PCIe/SSE2', FIXTURE_DEVICES)).toBe('nvidia-h100-sxm');
  });
});

describe('normalizeRenderer', () => {
  it('drops PCI ids, Direct3D and shader-model noise and memory sizes', () => {
    expect(
      normalizeRenderer(
        'ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 (0x00002684) Direct3D11 vs_5_0 ps_5_0, D3D11)',
      ),
    ).toBe('angle nvidia nvidia geforce rtx 4090');
    expect(normalizeRenderer('NVIDIA GeForce RTX 3060 12GB')).toBe('nvidia geforce rtx 3060');
  });
});
