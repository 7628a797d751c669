import { useRef } from 'react';

/**
 * A value computed from data that grows in place (a LogBuffer, the rows filtered from it), extended
 * rather than computed again: `extend` gets the previous value while everything in `base` is the same
 * (the same buffer, the same filter) and undefined once something in it changed. It runs again when
 * anything in `base` or `growth` changed (growth: the buffer's version, the wrap width, …).
 */
export function useExtendedMemo<T>(
  extend: (previous: T | undefined) => T,
  base: readonly unknown[],
  growth: readonly unknown[],
): T {
  const cache = useRef<{ base: readonly unknown[]; growth: readonly unknown[]; value: T }>(null);
  // A cache read and written during render, as useMemo's own: safe because it is idempotent — a render
  // repeated (or discarded and repeated) with the same inputs gets the same value without extending it.
  /* eslint-disable react-hooks/refs */
  const cached = cache.current;
  const sameBase = cached !== null && sameItems(cached.base, base);
  if (cached !== null && sameBase && sameItems(cached.growth, growth)) return cached.value;
  const value = extend(sameBase ? cached.value : undefined);
  cache.current = { base, growth, value };
  /* eslint-enable react-hooks/refs */
  return value;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
