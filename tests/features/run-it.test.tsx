import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunIt } from '../../src/features/run-it/run-it';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
}

describe('RunIt', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows a section with a command for each GGUF runtime', () => {
    renderWithCatalog(<RunIt />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', contextTokens: 32768 },
    });
    for (const name of ['llama.cpp', 'Ollama', 'vLLM', 'LM Studio']) {
      expect(screen.getByRole('heading', { name })).toBeInTheDocument();
    }
    const llama = screen.getByRole('region', { name: 'llama.cpp' });
    expect(within(llama).getByText(/llama-server -hf/)).toHaveTextContent('-c 32768');
    // data-command holds exactly the text the Copy button copies.
    const code = llama.querySelector('[data-command="llama.cpp"]');
    expect(code?.textContent).toMatch(
      /^llama-server -hf bartowski\/Meta-Llama-3\.1-8B-Instruct-GGUF:Q4_K_M /,
    );
    const vllm = screen.getByRole('region', { name: 'vLLM' });
    expect(within(vllm).queryByRole('button', { name: /copy/i })).toBeNull();
    expect(vllm).toHaveTextContent('vLLM serves safetensors checkpoints');
  });

  it('copies the command with the clipboard API', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    renderWithCatalog(<RunIt />, {
      selection: { modelId: LLAMA, quantId: 'Q4_K_M', kvType: 'q8_0' },
    });
    mockClipboard(writeText);
    await user.click(screen.getByRole('button', { name: 'Copy llama.cpp command' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]?.[0]).toMatch(/^llama-server -hf .*-ctk q8_0 -ctv q8_0/);
    const region = screen.getByRole('region', { name: 'llama.cpp' });
    expect(within(region).getByRole('status')).toHaveTextContent('Copied');
  });

  it('selects the text and says Press Ctrl+C when the clipboard fails', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<RunIt />, { selection: { modelId: LLAMA, quantId: 'Q4_K_M' } });
    mockClipboard(() => Promise.reject(new Error('denied')));
    await user.click(screen.getByRole('button', { name: 'Copy Ollama command' }));
    const region = screen.getByRole('region', { name: 'Ollama' });
    expect(within(region).getByRole('status')).toHaveTextContent('Press Ctrl+C');
    expect(window.getSelection()?.toString()).toBe('ollama run llama3.1:8b');
  });
});
