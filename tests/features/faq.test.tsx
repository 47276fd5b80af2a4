import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Faq } from '../../src/features/faq/faq';
import { renderWithCatalog } from '../test-utils';

describe('Faq', () => {
  it('renders the questions under a "Questions" heading', () => {
    renderWithCatalog(<Faq />);
    expect(screen.getByRole('heading', { level: 2, name: 'Questions' })).toBeInTheDocument();
    expect(screen.getByText('How much memory does DeepSeek R1 0528 need?')).toBeInTheDocument();
  });

  it('opens an answer: DeepSeek R1 does not fit one RTX 4090', async () => {
    const user = userEvent.setup();
    renderWithCatalog(<Faq />);
    const summary = screen.getByText('Can the NVIDIA GeForce RTX 4090 run DeepSeek R1 0528?');
    const details = summary.closest('details');
    expect(details).not.toHaveAttribute('open');
    await user.click(summary);
    expect(details).toHaveAttribute('open');
    expect(details).toHaveTextContent(/does not fit on one NVIDIA GeForce RTX 4090/);
  });

  it('names the 512 GB Mac Studio for DeepSeek R1', () => {
    renderWithCatalog(<Faq />);
    const details = screen.getByText('Does DeepSeek R1 0528 run on a Mac?').closest('details');
    expect(details).toHaveTextContent('Apple Mac Studio (M3 Ultra, 512 GB)');
  });

  it('formats sizes in the chosen unit', () => {
    renderWithCatalog(<Faq />, {
      selection: { unit: 'GiB', modelId: 'meta-llama/Llama-3.1-8B-Instruct' },
    });
    const details = screen.getByText('How big is the download?').closest('details');
    // 4,920,739,232 bytes = 4.58 GiB
    expect(details).toHaveTextContent('4.58 GiB');
  });
});
