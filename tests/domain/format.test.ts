import { describe, expect, it } from 'vitest';
import { formatBytes, formatParams, formatTokens } from '../../src/domain/format';

describe('formatting', () => {
  it('shows units and never NaN', () => {
    expect(formatBytes(4_920_739_232, 'GB')).toBe('4.92 GB');
    expect(formatBytes(4_920_739_232, 'GiB')).toBe('4.58 GiB');
    expect(formatBytes(Number.NaN, 'GB')).toBe('—');
    expect(formatBytes(-1, 'GB')).toBe('—');
  });

  it('writes token counts the way model cards do', () => {
    expect(formatTokens(131072)).toBe('128K');
    expect(formatTokens(1048576)).toBe('1M');
    // One format: exact below 1,024, else K (1,024 tokens) with at most one decimal.
    expect(formatTokens(40000)).toBe('39.1K');
    expect(formatTokens(12800)).toBe('12.5K');
    expect(formatTokens(512)).toBe('512');
  });

  it('rounds parameters near a billion up to B (Gemma 3 1B has 999.9M)', () => {
    expect(formatParams(999_885_952)).toBe('1.00B');
    expect(formatParams(494_032_768)).toBe('494M');
    expect(formatParams(671_026_419_200)).toBe('671B');
    expect(formatParams(null)).toBe('—');
  });
});
