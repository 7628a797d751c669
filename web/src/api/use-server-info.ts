import type { ServerInfo } from '@argovue/api-types';
import { fetchServerInfo } from './client.ts';
import { type Loadable, useLoadable } from './loadable.ts';

export function useServerInfo(): Loadable<ServerInfo> {
  return useLoadable(fetchServerInfo).data;
}
