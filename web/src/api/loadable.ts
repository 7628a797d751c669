import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError } from './client.ts';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiCallError };

/** Runs `load` on mount (and on `reload`), cancelling it when the component goes away. */
export function useLoadable<T>(load: (signal: AbortSignal) => Promise<T>): {
  data: Loadable<T>;
  reload: () => void;
  /** Loads again while the current value stays in view (a failed refresh keeps it too). */
  refresh: () => void;
} {
  const [data, setData] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const quiet = useRef(false);
  useEffect(() => {
    const isRefresh = quiet.current;
    quiet.current = false;
    const abort = new AbortController();
    load(abort.signal).then(
      (value) => setData({ state: 'ready', value }),
      (error: unknown) => {
        if (error instanceof ApiCallError)
          setData((current) =>
            isRefresh && current.state === 'ready' ? current : { state: 'failed', error },
          );
      },
    );
    return () => abort.abort();
  }, [load, attempt]);
  const reload = useCallback(() => {
    setData({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { data, reload, refresh };
}
