import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModelPicker } from '../../src/features/model-picker/model-picker';
import { searchModels } from '../../src/features/model-picker/search-models';
import { useAppStore } from '../../src/state/store';
import { FIXTURE_MODELS } from '../fixtures/catalog';
import { renderWithCatalog } from '../test-utils';

describe('ModelPicker', () => {
  it('shows the selected model and filters by name as you type', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    expect(combo).toHaveValue('DeepSeek R1 0528');
    await user.click(combo);
    await user.type(combo, 'llama');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('Llama 3.1 8B Instruct');
    // Max context in the list: Llama 3.1 advertises 131072 tokens.
    expect(options[0]).toHaveTextContent('128K context');
  });

  it('selects with ArrowDown and Enter, and updates the store', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    await user.click(combo);
    await user.type(combo, 'google');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(useAppStore.getState().modelId).toBe('google/gemma-2-9b-it');
    expect(combo).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on Escape and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<ModelPicker />);
    const combo = screen.getByRole('combobox', { name: 'Model' });
    await user.click(combo);
    await user.type(combo, 'zzzz');
    expect(screen.getByText('No model matches “zzzz”')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(combo).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('searchModels', () => {
  it('needs every word to match and puts name-prefix matches first', () => {
    expect(searchModels(FIXTURE_MODELS, 'deepseek mit').map((m) => m.id)).toEqual([]);
    expect(searchModels(FIXTURE_MODELS, 'meta 8b').map((m) => m.id)).toEqual([
      'meta-llama/Llama-3.1-8B-Instruct',
    ]);
    expect(searchModels(FIXTURE_MODELS, '').length).toBe(FIXTURE_MODELS.length);
  });
});
