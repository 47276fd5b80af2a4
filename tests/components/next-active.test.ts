import { describe, expect, it } from 'vitest';
import { nextActive } from '../../src/components/next-active';

// WAI-ARIA APG combobox keyboard rules, with wrapping arrows.
describe('nextActive', () => {
  it('ArrowDown starts at the first option and wraps from the last', () => {
    expect(nextActive('ArrowDown', -1, 3)).toBe(0);
    expect(nextActive('ArrowDown', 1, 3)).toBe(2);
    expect(nextActive('ArrowDown', 2, 3)).toBe(0);
  });

  it('ArrowUp starts at the last option and wraps from the first', () => {
    expect(nextActive('ArrowUp', -1, 3)).toBe(2);
    expect(nextActive('ArrowUp', 0, 3)).toBe(2);
    expect(nextActive('ArrowUp', 2, 3)).toBe(1);
  });

  it('Home and End jump to the ends; nothing is active in an empty list', () => {
    expect(nextActive('Home', 2, 3)).toBe(0);
    expect(nextActive('End', 0, 3)).toBe(2);
    expect(nextActive('ArrowDown', -1, 0)).toBe(-1);
  });
});
