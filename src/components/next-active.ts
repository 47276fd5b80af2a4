/** Keys that move the active option of an open listbox. */
export type MoveKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

/**
 * The option index a key makes active in a list of `count` options, where `active` is -1 when
 * none is active yet: arrows wrap around (ArrowDown from none goes to the first, ArrowUp from
 * none to the last), Home and End jump to the ends. -1 when the list is empty.
 */
export function nextActive(key: MoveKey, active: number, count: number): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : (active + 1) % count;
    case 'ArrowUp':
      return active < 0 ? count - 1 : (active - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}
