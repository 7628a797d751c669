// The services data in the query cache: the catalogue of a namespace, a template, the instances and
// one instance. Instances have no event stream yet: while one is on its way somewhere (starting,
// stopping) it is read again every 1.5 s, so the page shows its progress; else every 15 s.
import type { ServiceInstanceRow, ServicePhase } from '@argovue/api-types';
import { useQuery } from '@tanstack/react-query';
import { type Loadable, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';
import {
  fetchServiceInstance,
  fetchServiceInstances,
  fetchServiceTemplate,
  fetchServiceTemplates,
} from './services.ts';

const SETTLED: ReadonlySet<ServicePhase> = new Set(['Running', 'Stopped', 'Failed']);

/** Whether the instance is on its way to another phase (or not yet where its spec says). */
export function instanceIsMoving(row: ServiceInstanceRow): boolean {
  if (!SETTLED.has(row.phase)) return true;
  if (row.stopped) return row.phase !== 'Stopped';
  return row.phase === 'Running' && row.readyReplicas < row.replicas;
}

const refreshEvery = (moving: boolean) => (moving ? 1500 : 15_000);

export function useServiceTemplates(namespace: string) {
  const query = useQuery({
    queryKey: queryKeys.serviceTemplates(namespace),
    queryFn: ({ signal }) => fetchServiceTemplates(namespace, signal),
    enabled: namespace !== '',
  });
  return {
    templates: loadableOf(query),
    reload: () => {
      query.refetch().catch(reportError);
    },
  };
}

export function useServiceTemplate(namespace: string, name: string, cluster: boolean) {
  const query = useQuery({
    queryKey: queryKeys.serviceTemplate(namespace, name, cluster),
    queryFn: ({ signal }) => fetchServiceTemplate(namespace, name, cluster, signal),
    enabled: namespace !== '' && name !== '',
  });
  return {
    template: loadableOf(query),
    reload: () => {
      query.refetch().catch(reportError);
    },
  };
}

export function useServiceInstances(): {
  instances: Loadable<ServiceInstanceRow[]>;
  reload: () => void;
} {
  const query = useQuery({
    queryKey: queryKeys.serviceInstances,
    queryFn: async ({ signal }) => (await fetchServiceInstances(signal)).items,
    refetchInterval: (q) => refreshEvery((q.state.data ?? []).some(instanceIsMoving)),
  });
  return {
    instances: loadableOf(query),
    reload: () => {
      query.refetch().catch(reportError);
    },
  };
}

export function useServiceInstance(namespace: string, name: string) {
  const query = useQuery({
    queryKey: queryKeys.serviceInstance(namespace, name),
    queryFn: ({ signal }) => fetchServiceInstance(namespace, name, signal),
    refetchInterval: (q) => {
      const data = q.state.data;
      // A failed read (gone, forbidden) is not read again by itself.
      if (data === undefined) return false;
      return refreshEvery(instanceIsMoving(data.row));
    },
  });
  return {
    instance: loadableOf(query),
    reload: () => {
      query.refetch().catch(reportError);
    },
  };
}
