// The controller's own check of a template's pod, the same allow-list as the admission policy
// (deploy/crds/services-admission-policy.yaml): a cluster without the policy, or a template stored
// before it, must not make the controller create what the policy refuses. Keep the two lists equal.
import type { PodSpec } from './template-types.ts';

const deploymentFields = [
  'replicas',
  'template',
  'strategy',
  'minReadySeconds',
  'revisionHistoryLimit',
  'progressDeadlineSeconds',
];
const podFields = [
  'containers',
  'volumes',
  'securityContext',
  'nodeSelector',
  'tolerations',
  'affinity',
  'terminationGracePeriodSeconds',
  'enableServiceLinks',
  'automountServiceAccountToken',
];
const podSecurityFields = [
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'fsGroup',
  'fsGroupChangePolicy',
  'supplementalGroups',
  'seccompProfile',
];
const containerFields = [
  'name',
  'image',
  'imagePullPolicy',
  'command',
  'args',
  'workingDir',
  'env',
  'ports',
  'resources',
  'volumeMounts',
  'readinessProbe',
  'livenessProbe',
  'startupProbe',
  'securityContext',
  'terminationMessagePolicy',
];
const containerSecurityFields = [
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'readOnlyRootFilesystem',
  'allowPrivilegeEscalation',
  'capabilities',
  'seccompProfile',
  'privileged',
];
const volumeFields = ['name', 'persistentVolumeClaim', 'emptyDir', 'downwardAPI'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function extraKeys(value: unknown, allowed: readonly string[]): string[] {
  return Object.keys(record(value)).filter((k) => !allowed.includes(k));
}

/** Every reason the controller must not create this workload; empty when it may. */
export function podTemplateProblems(deployment: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const add = (where: string, keys: string[]): void => {
    if (keys.length > 0) problems.push(`${where} may not set ${keys.join(', ')}`);
  };
  add('the deployment', extraKeys(deployment, deploymentFields));
  const template = record(deployment['template']);
  add('the pod template', extraKeys(template, ['metadata', 'spec']));
  const pod = record(template['spec']) as Partial<PodSpec>;
  add('the pod', extraKeys(pod, podFields));
  add('the pod securityContext', extraKeys(pod.securityContext, podSecurityFields));
  for (const volume of pod.volumes ?? []) add(`volume ${volume.name}`, extraKeys(volume, volumeFields));
  for (const container of pod.containers ?? []) {
    const where = `container ${container.name}`;
    add(where, extraKeys(container, containerFields));
    const security = record(container['securityContext']);
    add(`${where} securityContext`, extraKeys(security, containerSecurityFields));
    if (security['privileged'] === true) problems.push(`${where} may not be privileged`);
    const added = record(security['capabilities'])['add'];
    if (Array.isArray(added) && added.length > 0) problems.push(`${where} may not add capabilities`);
    for (const port of Array.isArray(container['ports']) ? (container['ports'] as unknown[]) : [])
      add(`${where} port`, extraKeys(port, ['containerPort', 'name', 'protocol']));
    for (const env of container.env ?? [])
      add(`${where} env ${env.name}`, extraKeys(env.valueFrom, ['fieldRef', 'resourceFieldRef']));
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      const p = record(container[probe]);
      if ('host' in record(p['httpGet']) || 'host' in record(p['tcpSocket']))
        problems.push(`${where} ${probe} may not name a host`);
    }
  }
  return problems;
}
