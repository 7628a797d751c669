import type { ServerInfo } from '@argovue/api-types';
import { useQuery } from '@tanstack/react-query';
import { fetchServerInfo } from './client.ts';
import { type Loadable, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';

export function useServerInfo(): Loadable<ServerInfo> {
  return loadableOf(
    useQuery({ queryKey: queryKeys.serverInfo, queryFn: ({ signal }) => fetchServerInfo(signal) }),
  );
}
