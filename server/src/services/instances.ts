// Service instances as the user sees and changes them: every call is made as the user
// (impersonated), so RBAC on `serviceinstances` decides; ArgoVue's own rights (the controller's) are
// never used on a user's behalf. An instance the user may not read answers exactly like a missing one.
import type {
  CreateServiceInstanceRequest,
  ServiceInputValue,
  ServiceInstanceAction,
  ServiceInstanceActionResult,
  ServiceInstanceRow,
} from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import { HttpError } from '../http/errors.ts';
import { isAbsentForUser, kubeRefusal, notFound } from '../http/kube-errors.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { idleStoppedAnnotation } from './idle.ts';
import { creatorAnnotation, instanceRow } from './instance-rows.ts';
import type { ServiceInstance } from './template-types.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';

/** Set by a restart; the controller copies it into the pod template, which rolls the pods. */
export const restartedAtAnnotation = 'argovue.io/restarted-at';

export type StoredInstance = ServiceInstance & { metadata: { creationTimestamp?: string } };

export function instanceNotFound(namespace: string, name: string): HttpError {
  return notFound({ kind: 'Service instance', name, namespace }, 'Check the name and namespace.');
}

const instancesPath = (namespace: string, name?: string): string =>
  apiPath(kinds.serviceInstances, { namespace, name });

/** A refusal of the apiserver as the user sees it: 403 and 404 alike, a conflict as changed meanwhile. */
function refusal(error: unknown, namespace: string, name: string): never {
  throw kubeRefusal(error, { kind: 'Service instance', name, namespace });
}

/** The instances of one namespace as the user may list them; undefined when they may not. */
export async function listInstancesForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
): Promise<StoredInstance[] | undefined> {
  try {
    const list = await api.json<{ items?: StoredInstance[] }>({
      path: instancesPath(namespace),
      as: identity,
    });
    return list.items ?? [];
  } catch (error) {
    if (isAbsentForUser(error)) return undefined;
    throw error;
  }
}

/** One instance as the user may read it; undefined when missing or not theirs to read. */
export async function readInstanceForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
): Promise<StoredInstance | undefined> {
  try {
    return await api.json<StoredInstance>({ path: instancesPath(namespace, name), as: identity });
  } catch (error) {
    if (isAbsentForUser(error)) return undefined;
    throw error;
  }
}

/** A name for an instance of `template` when the user gave none: the apiserver adds 5 characters. */
function generateNameOf(template: string): string {
  return `${template.replace(/\./g, '-').slice(0, 34).replace(/-+$/, '')}-`;
}

/** Creates the instance as the user, the values already checked against the template and the quota. */
export async function createInstanceAsUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  request: CreateServiceInstanceRequest,
  inputs: Record<string, ServiceInputValue>,
): Promise<ServiceInstanceActionResult> {
  const { template } = request;
  const body = {
    apiVersion: 'argovue.io/v1alpha1',
    kind: 'ServiceInstance',
    metadata: {
      ...(request.name === undefined
        ? { generateName: generateNameOf(template.name) }
        : { name: request.name }),
      namespace,
      annotations: { [creatorAnnotation]: identity.username },
    },
    spec: {
      template: {
        kind: template.cluster === true ? 'ClusterServiceTemplate' : 'ServiceTemplate',
        name: template.name,
      },
      inputs,
    },
  };
  try {
    const created = await api.json<StoredInstance>({
      method: 'POST',
      path: instancesPath(namespace),
      body,
      as: identity,
    });
    return {
      namespace,
      name: created.metadata.name,
      message: `Service instance ${created.metadata.name} was created; it starts in a moment.`,
      row: instanceRow(created),
    };
  } catch (error) {
    throw kubeRefusal(
      error,
      { kind: 'Service instance', name: request.name ?? template.name, namespace },
      {
        409: {
          code: 'CONFLICT',
          message: `A service instance named ${request.name ?? ''} already exists in ${namespace}.`,
          hint: 'Choose another name, or leave the name out to get a new one.',
        },
        403: {
          code: 'FORBIDDEN',
          message: `You may not start service instances in ${namespace}.`,
          hint: 'Ask for a role that may create serviceinstances there (argovue-user has it).',
        },
      },
    );
  }
}

const actionPatch = (action: ServiceInstanceAction): Record<string, unknown> => {
  switch (action) {
    // A user's stop or start is not an idle stop: the mark that lets a visit start it again goes.
    case 'stop':
      return { metadata: { annotations: { [idleStoppedAnnotation]: null } }, spec: { stopped: true } };
    case 'start':
      return { metadata: { annotations: { [idleStoppedAnnotation]: null } }, spec: { stopped: false } };
    case 'restart':
      return { metadata: { annotations: { [restartedAtAnnotation]: new Date().toISOString() } } };
  }
};

const actionWords: Record<ServiceInstanceAction, string> = {
  stop: 'is stopping (scaled to zero)',
  start: 'is starting',
  restart: 'is restarting: its pods are replaced one by one',
};

/** Stop, start or restart, as the user (a merge patch of the instance, nothing else). */
export async function actOnInstanceAsUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
  action: ServiceInstanceAction,
): Promise<ServiceInstanceActionResult> {
  const current = await readInstanceForUser(api, identity, namespace, name);
  if (current === undefined) throw instanceNotFound(namespace, name);
  if (action === 'restart' && current.spec.stopped === true)
    throw new HttpError(409, 'CONFLICT', `Service instance ${name} is stopped.`, 'Start it instead.');
  try {
    const changed = await api.json<StoredInstance>({
      method: 'PATCH',
      path: instancesPath(namespace, name),
      contentType: 'application/merge-patch+json',
      body: actionPatch(action),
      as: identity,
    });
    return {
      namespace,
      name,
      message: `Service instance ${name} ${actionWords[action]}.`,
      row: instanceRow(changed),
    };
  } catch (error) {
    return refusal(error, namespace, name);
  }
}

/** Deletes the instance as the user; its objects go with it (owner references, garbage collection). */
export async function deleteInstanceAsUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
): Promise<ServiceInstanceActionResult> {
  try {
    await api.json({
      method: 'DELETE',
      path: instancesPath(namespace, name),
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
      as: identity,
    });
  } catch (error) {
    return refusal(error, namespace, name);
  }
  return { namespace, name, message: `Service instance ${name} was deleted with its pods and volumes.` };
}

export function rowsOf(
  instances: readonly StoredInstance[],
  titles: ReadonlyMap<string, string>,
): ServiceInstanceRow[] {
  return instances.map((i) =>
    instanceRow(i, {
      title: titles.get(`${i.spec.template.kind ?? 'ServiceTemplate'}/${i.spec.template.name}`),
    }),
  );
}
