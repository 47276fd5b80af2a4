import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModelPicker } from '../../src/features/model-picker/model-picker';
import { useAppStore } from '../../src/state/store';
import { FIXTURE_CATALOG, FIXTURE_MODELS } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

describe('ModelPicker', () => {
  it('shows the selected model when closed and filters by name as you type', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    expect(combo).toHaveValue('DeepSeek R1 0528');
    expect(combo).toHaveAttribute('aria-expanded', 'false');
    await user.click(combo);
    expect(combo).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('option')).toHaveLength(3);
    await user.type(combo, 'llama');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('Llama 3.1 8B Instruct');
    expect(options[0]).toHaveTextContent('Meta');
    // Max context: Llama 3.1 advertises 131,072 tokens (128K).
    expect(options[0]).toHaveTextContent('128K context');
  });

  it('shows MoE active parameters and each max context in the options', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    await user.click(screen.getByRole('combobox', { name: 'Model' }));
    const r1 = screen.getByRole('option', { name: /DeepSeek R1 0528/ });
    // DeepSeek R1: 37B active parameters; config.json max_position_embeddings 163840 = 160K.
    expect(r1).toHaveTextContent('A37.0B');
    expect(r1).toHaveTextContent('160K context');
    // Gemma 2: max_position_embeddings 8192 = 8K.
    expect(screen.getByRole('option', { name: /Gemma 2 9B/ })).toHaveTextContent('8K context');
  });

  it('selects with ArrowDown and Enter, updating the store', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    await user.click(combo);
    // Empty query lists by name: DeepSeek R1 0528, Gemma 2 9B, Llama 3.1 8B Instruct.
    // No option is active until an arrow key: the first ArrowDown makes DeepSeek active.
    expect(combo).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = combo.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(document.getElementById(active ?? '')).toHaveTextContent('Gemma 2 9B');
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().modelId).toBe('google/gemma-2-9b-it');
    expect(combo).toHaveAttribute('aria-expanded', 'false');
    expect(combo).toHaveValue('Gemma 2 9B');
  });

  it('selects the only match of a typed query with ArrowDown and Enter', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    await user.click(combo);
    await user.type(combo, 'gemma 2 9b');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(useAppStore.getState().modelId).toBe('google/gemma-2-9b-it');
  });

  it('wraps with ArrowUp and jumps with Home and End', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    await user.click(combo);
    await user.keyboard('{ArrowDown}{ArrowUp}');
    const activeText = () =>
      document.getElementById(combo.getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(activeText()).toContain('Llama 3.1 8B Instruct');
    await user.keyboard('{Home}');
    expect(activeText()).toContain('DeepSeek R1 0528');
    await user.keyboard('{End}');
    expect(activeText()).toContain('Llama 3.1 8B Instruct');
  });

  it('selects on click', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    await user.click(screen.getByRole('combobox', { name: 'Model' }));
    await user.click(screen.getByRole('option', { name: /Llama 3.1 8B Instruct/ }));
    expect(useAppStore.getState().modelId).toBe('meta-llama/Llama-3.1-8B-Instruct');
  });

  it('says when nothing matches; Escape closes, a second Escape clears the query', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    await user.click(combo);
    await user.type(combo, 'zzzz');
    expect(screen.getByText('No model matches “zzzz”')).toBeInTheDocument();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    await user.keyboard('{Escape}');
    expect(combo).toHaveAttribute('aria-expanded', 'false');
    expect(combo).toHaveValue('zzzz');
    await user.keyboard('{Escape}');
    expect(combo).toHaveValue('DeepSeek R1 0528');
    // Nothing was selected: the store still holds the default (no explicit model).
    expect(useAppStore.getState().modelId).toBeNull();
  });
});

describe('ModelPicker with a long catalog', () => {
  it('shows at most 60 options and says how many more match', async () => {
    const user = userEvent.setup();
    const base = FIXTURE_MODELS[1];
    if (!base) throw new Error('fixture missing');
    const models = Array.from({ length: 70 }, (_, i) => ({
      ...base,
      id: `test/model-${i}`,
      name: `Test model ${i}`,
    }));
    renderWithCatalog(<ModelPicker />, {
      catalog: { ...FIXTURE_CATALOG, models },
      selection: { modelId: 'test/model-0' },
    });
    await user.click(screen.getByRole('combobox', { name: 'Model' }));
    expect(screen.getAllByRole('option')).toHaveLength(60);
    expect(screen.getByText('10 more — refine your search')).toBeInTheDocument();
  });
});
