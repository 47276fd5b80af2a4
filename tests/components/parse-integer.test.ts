import { describe, expect, it } from 'vitest';
import { parseInteger } from '../../src/components/parse-integer';

describe('parseInteger', () => {
  it('uses an in-range whole number as is', () => {
    expect(parseInteger('4096', 512, 131072, 8192)).toEqual({ value: 4096, message: null });
  });

  it('clamps to the range with a message', () => {
    const high = parseInteger('99999999', 512, 131072, 8192);
    expect(high.value).toBe(131072);
    expect(high.message).toMatch(/131,072/);
    expect(parseInteger('3', 512, 131072, 8192).value).toBe(512);
  });

  it('rounds decimals', () => {
    expect(parseInteger('2.6', 1, 8, 1)).toEqual({ value: 3, message: 'Rounded to 3.' });
  });

  it.each(['', '  ', 'abc', 'Infinity', 'NaN'])('keeps the current value for %j', (text) => {
    const r = parseInteger(text, 512, 131072, 8192);
    expect(r.value).toBe(8192);
    expect(r.message).toMatch(/whole number/);
  });
});
