// Calls of the services API: the catalogue, the start of an instance, instances and their actions.
import type {
  CreateServiceInstanceRequest,
  ServiceInstanceAction,
  ServiceInstanceActionResult,
  ServiceInstanceDetail,
  ServiceInstanceList,
  ServiceTemplateDetail,
  ServiceTemplateList,
} from '@argovue/api-types';
import { request } from './client.ts';

const inNamespace = (namespace: string) => `/api/v1/namespaces/${encodeURIComponent(namespace)}`;
const instancePath = (namespace: string, name: string) =>
  `${inNamespace(namespace)}/service-instances/${encodeURIComponent(name)}`;

export function fetchServiceTemplates(namespace: string, signal?: AbortSignal): Promise<ServiceTemplateList> {
  return request<ServiceTemplateList>(`${inNamespace(namespace)}/service-templates`, { signal });
}

export function fetchServiceTemplate(
  namespace: string,
  name: string,
  cluster: boolean,
  signal?: AbortSignal,
): Promise<ServiceTemplateDetail> {
  const query = cluster ? '?cluster=true' : '';
  return request<ServiceTemplateDetail>(
    `${inNamespace(namespace)}/service-templates/${encodeURIComponent(name)}${query}`,
    { signal },
  );
}

/** Every instance of the namespaces the user may use; the page picks the user's own and the team's. */
export function fetchServiceInstances(signal?: AbortSignal): Promise<ServiceInstanceList> {
  return request<ServiceInstanceList>('/api/v1/service-instances', { signal });
}

export function fetchServiceInstance(
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<ServiceInstanceDetail> {
  return request<ServiceInstanceDetail>(instancePath(namespace, name), { signal });
}

export function createServiceInstance(
  namespace: string,
  body: CreateServiceInstanceRequest,
  idempotencyKey: string,
): Promise<ServiceInstanceActionResult> {
  return request<ServiceInstanceActionResult>(`${inNamespace(namespace)}/service-instances`, {
    method: 'POST',
    body,
    idempotencyKey,
  });
}

export function actOnServiceInstance(
  namespace: string,
  name: string,
  action: ServiceInstanceAction | 'delete',
): Promise<ServiceInstanceActionResult> {
  if (action === 'delete')
    return request<ServiceInstanceActionResult>(instancePath(namespace, name), { method: 'DELETE' });
  return request<ServiceInstanceActionResult>(`${instancePath(namespace, name)}/${action}`, {
    method: 'POST',
    body: {},
  });
}

export interface InstanceLogOptions {
  pod: string;
  container: string;
  timestamps: boolean;
  follow: boolean;
  download?: boolean;
}

/** The path of one pod's log of an instance; `download` asks for it as a file. */
export function instanceLogPath(namespace: string, name: string, options: InstanceLogOptions): string {
  const params = new URLSearchParams({
    pod: options.pod,
    container: options.container,
    timestamps: String(options.timestamps),
    follow: String(options.follow),
  });
  if (options.download === true) params.set('download', 'true');
  return `${instancePath(namespace, name)}/logs?${params.toString()}`;
}
