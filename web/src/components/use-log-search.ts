import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogBuffer } from '../lib/log-buffer.ts';
import { useExtendedMemo } from './use-extended-memo.ts';
import { firstMatchFrom, type LogMatch, type LogMatches, searchLog, stepMatch } from '../lib/log-search.ts';

/** Logs longer than this wait for a pause in typing before searching. */
const DEBOUNCE_ABOVE_LINES = 20_000;
const DEBOUNCE_MS = 60;

export interface LogSearch {
  /** What is typed. */
  query: string;
  setQuery: (query: string) => void;
  /** What was searched for (the query after the debounce). */
  needle: string;
  found: LogMatches;
  /** Index of the current match in `found.matches`, or -1. */
  currentIndex: number;
  current: LogMatch | null;
  step: (backwards: boolean) => void;
  /** For the view: the first row in view, where a new search starts. */
  setTopRow: (row: number) => void;
}

/**
 * Search state of one log view. A new search selects the first match from the row in view (`topRow`);
 * lines arriving extend the matches without searching from the top again or moving the current match.
 * On a long log, typing is debounced so a burst of keystrokes costs one search.
 */
export function useLogSearch(buffer: LogBuffer, rows: readonly number[] | null, version: number): LogSearch {
  const topRow = useRef(0);
  const setTopRow = useCallback((row: number) => {
    topRow.current = row;
  }, []);
  const [query, setTyped] = useState('');
  const [needle, setNeedle] = useState('');
  const [currentIndex, setCurrentIndex] = useState(-1);
  const long = buffer.length > DEBOUNCE_ABOVE_LINES;
  // A short log (or a cleared box) is searched as it is typed; a long one after a pause.
  const setQuery = (typed: string) => {
    setTyped(typed);
    if (!long || typed === '') setNeedle(typed);
  };
  useEffect(() => {
    if (query === needle) return;
    const timer = setTimeout(() => setNeedle(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, needle]);

  const found = useExtendedMemo<LogMatches>(
    (previous) => searchLog(buffer.lower, rows, needle, previous),
    [buffer, rows],
    [needle, version],
  );

  // Shift+Enter pressed while the debounce still held the query back: applied once that search ran.
  const backwardsPending = useRef(false);
  // A new search (or the same one over other lines) starts from where the user is looking.
  const searchedFor = useRef({ needle: '', buffer, rows });
  useEffect(() => {
    const last = searchedFor.current;
    if (last.needle === needle && last.buffer === buffer && last.rows === rows) return;
    searchedFor.current = { needle, buffer, rows };
    const first = needle === '' ? -1 : firstMatchFrom(found.matches, topRow.current);
    const backwards = backwardsPending.current;
    backwardsPending.current = false;
    setCurrentIndex(backwards && first >= 0 ? stepMatch(first, found.matches.length, true) : first);
  }, [needle, buffer, rows, found]);

  const count = found.matches.length;
  const index = currentIndex < count ? currentIndex : -1;
  return {
    query,
    setQuery,
    needle,
    found,
    currentIndex: index,
    current: index >= 0 ? (found.matches[index] ?? null) : null,
    setTopRow,
    step: (backwards) => {
      // Enter before the debounce ran searches for what is typed now (never steps through the old
      // query's matches, never drops the key): the new search selects the first match in view.
      if (needle !== query) {
        backwardsPending.current = backwards;
        setNeedle(query);
        return;
      }
      setCurrentIndex((i) => stepMatch(i, count, backwards));
    },
  };
}
