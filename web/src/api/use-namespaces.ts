import type { NamespaceList } from '@argovue/api-types';
import { useQuery } from '@tanstack/react-query';
import { fetchNamespaces } from './client.ts';
import { type Loadable, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';

/** The namespaces the user may use (one request however many components ask); `reload` after an error. */
export function useNamespaces(): { namespaces: Loadable<NamespaceList>; reload: () => void } {
  const query = useQuery({
    queryKey: queryKeys.namespaces,
    queryFn: ({ signal }) => fetchNamespaces(signal),
  });
  const { refetch } = query;
  return {
    namespaces: loadableOf(query),
    reload: () => {
      refetch().catch(reportError);
    },
  };
}
