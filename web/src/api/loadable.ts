import { useCallback, useEffect, useState } from 'react';
import { ApiCallError } from './client.ts';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiCallError };

/** Runs `load` on mount (and on `reload`), cancelling it when the component goes away. */
export function useLoadable<T>(load: (signal: AbortSignal) => Promise<T>): {
  data: Loadable<T>;
  reload: () => void;
} {
  const [data, setData] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).then(
      (value) => setData({ state: 'ready', value }),
      (error: unknown) => {
        if (error instanceof ApiCallError) setData({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [load, attempt]);
  const reload = useCallback(() => {
    setData({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { data, reload };
}
