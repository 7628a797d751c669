// Keyboard movement between tabs, as the WAI-ARIA tabs pattern has it: arrows move to the neighbour
// and wrap around, Home and End go to the first and last. Any other key moves nothing.

/** The index of the tab a key moves to from `current` among `count` tabs, or null for other keys. */
export function tabIndexAfterKey(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The tab named in the URL if it is one of `ids`, else the first (an old or mistyped link still opens). */
export function tabFromQuery<T extends string>(value: string | null, ids: readonly T[], fallback: T): T {
  return ids.find((id) => id === value) ?? fallback;
}
