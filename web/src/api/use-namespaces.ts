import type { NamespaceList } from '@argovue/api-types';
import { fetchNamespaces } from './client.ts';
import { type Loadable, useLoadable } from './loadable.ts';

/** The namespaces the user may use; `reload` fetches them again (after an error). */
export function useNamespaces(): { namespaces: Loadable<NamespaceList>; reload: () => void } {
  const { data, reload } = useLoadable(fetchNamespaces);
  return { namespaces: data, reload };
}
