import { useEffect, useState } from 'react';
import type { ServerInfo } from '@argovue/api-types';
import { ApiCallError, fetchServerInfo } from '../api/client.ts';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiCallError };

export function useServerInfo(): Loadable<ServerInfo> {
  const [info, setInfo] = useState<Loadable<ServerInfo>>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    fetchServerInfo(abort.signal).then(
      (value) => setInfo({ state: 'ready', value }),
      (error: unknown) => {
        if (error instanceof ApiCallError) setInfo({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, []);
  return info;
}
