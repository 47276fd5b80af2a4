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
      '39.1K tokens (40,000)',
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
    const group = screen.getByRole('group', { name: 'Memory unit' });
    // GiB by default: a "24 GB" card carries 24 GiB, as GPU makers and nvidia-smi count.
    expect(within(group).getByRole('radio', { name: 'GiB' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'GB' }));
    expect(useAppStore.getState().unit).toBe('GB');
  });
});

describe('Controls: device', () => {
  it('finds a device by typing its model number and sets it and the count', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />);
    const box = screen.getByRole('combobox', { name: 'Your GPU or computer' });
    await user.click(box);
    await user.type(box, '4090');
    const options = within(
      screen.getByRole('listbox', { name: 'GPUs and computers' }),
    ).getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('NVIDIA GeForce RTX 4090');
    expect(options[0]).toHaveTextContent('24 GB');
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().gpuId).toBe('nvidia-rtx-4090');
    const count = screen.getByRole('spinbutton', { name: 'How many' });
    await user.clear(count);
    await user.type(count, '2');
    expect(useAppStore.getState().count).toBe(2);
  });

  it('a Mac: one memory pool, no count, the raised limit with its command', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Controls />, { selection: { gpuId: 'nvidia-rtx-4090' } });
    expect(
      screen.queryByRole('checkbox', { name: /raised gpu memory limit/i }),
    ).not.toBeInTheDocument();
    useAppStore.getState().selectGpu('apple-mac-studio-m3-ultra-512gb');
    const box = await screen.findByRole('checkbox', { name: /raised gpu memory limit/i });
    expect(screen.getByText(/One memory pool for the CPU and the GPU/)).toHaveTextContent(
      'about 75%',
    );
    expect(screen.queryByRole('spinbutton', { name: 'How many' })).not.toBeInTheDocument();
    await user.click(box);
    expect(useAppStore.getState().raisedLimit).toBe(true);
  });
});
