import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Controls } from '../../src/features/controls/controls';
import { useAppStore } from '../../src/state/store';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';

describe('Controls: context length', () => {
  it('moves the log slider to the next round stop with ArrowRight', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />, { selection: { modelId: LLAMA, contextTokens: 8192 } });
    const slider = screen.getByRole('slider', { name: /context/i });
    expect(slider).toHaveAttribute('aria-valuetext', '8K tokens (8,192)');
    slider.focus();
    await user.keyboard('{ArrowRight}');
    // After 8K the next round value is 12K (1.5 x 8K).
    expect(useAppStore.getState().contextTokens).toBe(12288);
    expect(slider).toHaveAttribute('aria-valuetext', '12K tokens (12,288)');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(useAppStore.getState().contextTokens).toBe(6144);
    await user.keyboard('{End}');
    // Llama 3.1 config.json max_position_embeddings.
    expect(useAppStore.getState().contextTokens).toBe(131072);
    await user.keyboard('{Home}');
    expect(useAppStore.getState().contextTokens).toBe(512);
  });

  it('shows the model maximum', () => {
    renderWithCatalog(<Controls />, { selection: { modelId: LLAMA } });
    expect(screen.getByText(/max 128K/)).toBeInTheDocument();
  });

  it('clamps a typed value above the model maximum and says so', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />, { selection: { modelId: LLAMA, contextTokens: 8192 } });
    const input = screen.getByRole('spinbutton', { name: 'Context tokens' });
    await user.clear(input);
    await user.type(input, '99999999{Enter}');
    expect(useAppStore.getState().contextTokens).toBe(131072);
    expect(input).toHaveValue(131072);
    expect(screen.getByText(/using 131,072/)).toBeInTheDocument();
  });

  it('accepts any whole number and commits on blur', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />, { selection: { modelId: LLAMA, contextTokens: 8192 } });
    const input = screen.getByRole('spinbutton', { name: 'Context tokens' });
    await user.clear(input);
    await user.type(input, '40000');
    expect(useAppStore.getState().contextTokens).toBe(8192);
    await user.tab();
    expect(useAppStore.getState().contextTokens).toBe(40000);
    expect(screen.getByRole('slider', { name: /context/i })).toHaveAttribute(
      'aria-valuetext',
      '40,000 tokens',
    );
  });

  it('keeps the value when the typed text is empty', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />, { selection: { modelId: LLAMA, contextTokens: 8192 } });
    const input = screen.getByRole('spinbutton', { name: 'Context tokens' });
    await user.clear(input);
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().contextTokens).toBe(8192);
    expect(input).toHaveValue(8192);
    expect(screen.getByText(/whole number/)).toBeInTheDocument();
  });
});

describe('Controls: run options', () => {
  it('sets the KV cache type', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />);
    const select = screen.getByRole('combobox', { name: 'KV cache' });
    // llama.cpp -ctk/-ctv types plus vLLM fp8.
    const values = within(select)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(values).toEqual([
      'f16',
      'bf16',
      'q8_0',
      'q5_1',
      'q5_0',
      'q4_1',
      'q4_0',
      'iq4_nl',
      'f32',
      'fp8',
    ]);
    await user.selectOptions(select, 'q8_0');
    expect(useAppStore.getState().kvType).toBe('q8_0');
    // q8_0 stores 32 values in 34 bytes (ggml-common.h block_q8_0): 8.5 bits.
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent(/8\.5 bits/);
  });

  it('toggles flash attention and sets parallel sequences', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />);
    await user.click(screen.getByRole('checkbox', { name: 'Flash attention' }));
    expect(useAppStore.getState().flashAttention).toBe(false);
    const np = screen.getByRole('spinbutton', { name: 'Parallel sequences' });
    await user.clear(np);
    await user.type(np, '4');
    expect(useAppStore.getState().parallel).toBe(4);
    await user.clear(np);
    await user.type(np, '999{Enter}');
    expect(useAppStore.getState().parallel).toBe(256);
  });

  it('switches units', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />);
    const group = screen.getByRole('group', { name: 'Units' });
    expect(within(group).getByRole('radio', { name: 'GB' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'GiB' }));
    expect(useAppStore.getState().unit).toBe('GiB');
  });
});

describe('Controls: device', () => {
  it('lists devices by group with their memory and sets the device and count', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />);
    const select = screen.getByRole('combobox', { name: 'GPU or device' });
    expect(within(select).getAllByRole('option')[0]).toHaveTextContent('No device selected');
    expect(
      within(select).getByRole('option', { name: 'NVIDIA GeForce RTX 4090 — 24 GB' }),
    ).toBeInTheDocument();
    expect(
      within(select).getByRole('option', { name: 'NVIDIA DGX H100 — 8 × 80 GB' }),
    ).toBeInTheDocument();
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual([
      'Consumer GPUs',
      'Datacenter',
      'Unified memory (Apple, AMD, NVIDIA)',
      'Multi-GPU systems',
    ]);
    expect(screen.queryByRole('spinbutton', { name: 'How many' })).not.toBeInTheDocument();

    await user.selectOptions(select, 'nvidia-rtx-4090');
    expect(useAppStore.getState().gpuId).toBe('nvidia-rtx-4090');
    const count = screen.getByRole('spinbutton', { name: 'How many' });
    await user.clear(count);
    await user.type(count, '2');
    expect(useAppStore.getState().count).toBe(2);

    await user.selectOptions(select, '');
    expect(useAppStore.getState().gpuId).toBeNull();
  });

  it('offers the raised GPU limit only for unified memory (the Mac)', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />, { selection: { gpuId: 'nvidia-rtx-4090' } });
    expect(
      screen.queryByRole('checkbox', { name: /raised gpu memory limit/i }),
    ).not.toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'GPU or device' }),
      'apple-mac-studio-m3-ultra-512gb',
    );
    const box = screen.getByRole('checkbox', { name: /raised gpu memory limit/i });
    expect(box).toHaveAccessibleDescription(/iogpu\.wired_limit_mb/);
    expect(box).toHaveAccessibleDescription(/about 75%/);
    await user.click(box);
    expect(useAppStore.getState().raisedLimit).toBe(true);
  });
});
