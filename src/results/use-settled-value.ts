import { startTransition, useEffect, useState } from 'react';

/**
 * Returns `value` once it has stopped changing for `delayMs` (the first value immediately).
 * For expensive views (the chart) that need not follow every step of a slider drag; the update
 * is rendered as a transition so it never blocks input.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => startTransition(() => setSettled(value)), delayMs);
    return () => clearTimeout(t);
  }, [value, settled, delayMs]);
  return settled;
}
