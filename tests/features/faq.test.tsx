import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Faq } from '../../src/features/faq/faq';
import { renderWithCatalog } from '../test-utils';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const R1 = 'deepseek-ai/DeepSeek-R1-0528';

function answer(question: string | RegExp): HTMLElement {
  const details = screen.getByText(question).closest('details');
  if (!details) throw new Error(`no question ${String(question)}`);
  return details;
}

describe('Faq', () => {
  it('asks about the chosen device, not another one', () => {
    renderWithCatalog(<Faq />, { selection: { modelId: LLAMA, gpuId: 'nvidia-rtx-3060-12gb' } });
    expect(screen.getByTestId('faq')).toBeInTheDocument();
    expect(
      screen.getByText('Can the NVIDIA GeForce RTX 3060 12GB run Llama 3.1 8B Instruct?'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/RTX 4090/)).not.toBeInTheDocument();
  });

  it('answers at the chosen context and KV type', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Faq />, {
      selection: { modelId: LLAMA, contextTokens: 32768, kvType: 'q8_0', gpuId: 'nvidia-rtx-4090' },
    });
    const a = answer('How much memory does Llama 3.1 8B Instruct need?');
    await user.click(a.querySelector('summary')!);
    expect(a).toHaveTextContent('32K context, q8_0 KV cache');
    // Llama 3.1 8B at 32K in q8_0: 32 layers x 8 heads x 128 x 2 x 34/32 B x 32768 = 2.125 GiB.
    expect(a).toHaveTextContent('2.13 GiB of context memory');
    expect(answer(/Can the NVIDIA GeForce RTX 4090/)).toHaveTextContent(/^.*Yes: runs great/);
  });

  it('recommends GGUF types only, K/I-quants, for each memory size', () => {
    renderWithCatalog(<Faq />, { selection: { modelId: LLAMA } });
    const a = answer(/Which GGUF quantization should I use/);
    // 24 GB holds the 8.54 GB Q8_0 file (bartowski) with room to spare.
    expect(a).toHaveTextContent('24 GB: Q8_0');
    expect(a).not.toHaveTextContent('BF16');
    expect(a).not.toHaveTextContent('Q2_K');
  });

  it('DeepSeek R1 on one RTX 4090: no, and no recommended GGUF fits', () => {
    renderWithCatalog(<Faq />, { selection: { modelId: R1, gpuId: 'nvidia-rtx-4090' } });
    expect(answer(/Can the NVIDIA GeForce RTX 4090/)).toHaveTextContent(/Not at Q4_K_M/);
  });

  it('formats sizes in the chosen unit', () => {
    renderWithCatalog(<Faq />, { selection: { unit: 'GB', modelId: LLAMA, quantId: 'Q4_K_M' } });
    // bartowski's Q4_K_M file: 4,920,739,232 bytes = 4.92 GB.
    expect(answer('How big is the download?')).toHaveTextContent('4.92 GB');
  });
});
