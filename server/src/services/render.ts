// An instance turned into its objects: the template's parsed workload, copied, with each input's
// typed value put into the fields its fills name — never text pasted into YAML, so no value can add
// a field, a container or an object. Every object is owned by the instance (deleting it deletes them).
import { parseQuantity } from '@argovue/api-types/quantity';
import { checkInputs, type InputProblem } from './inputs.ts';
import { podTemplateProblems } from './pod-policy.ts';
import type {
  Container,
  Fill,
  InputValue,
  PodSpec,
  ServiceInstance,
  ServiceTemplateSpec,
} from './template-types.ts';

export const instanceLabel = 'argovue.io/instance';
export const templateLabel = 'argovue.io/template';
const imageTagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface RenderedObjects {
  deployment: Record<string, unknown>;
  service: Record<string, unknown>;
  claims: Record<string, unknown>[];
}

export type Rendered =
  { ok: true; objects: RenderedObjects } | { ok: false; reason: string; problems: InputProblem[] };

class FillError extends Error {}

function containerOf(pod: PodSpec, name: string): Container {
  const container = pod.containers.find((c) => c.name === name);
  if (container === undefined) throw new FillError(`the workload has no container ${name}`);
  return container;
}

function quantityOf(value: InputValue): string {
  const text = String(value);
  if (parseQuantity(text) === undefined) throw new FillError(`${text} is not a quantity`);
  return text;
}

/** `registry:5000/repo/image:tag@sha256:…` with its tag replaced (a digest pinning it is dropped). */
export function withImageTag(image: string, tag: string): string {
  if (!imageTagPattern.test(tag)) throw new FillError(`${tag} is not an image tag`);
  const [name = image] = image.split('@');
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const repository = colon > lastSlash ? name.slice(0, colon) : name;
  return `${repository}:${tag}`;
}

function setEnv(container: Container, entry: { name: string; value: string }): void {
  container.env = [...(container.env ?? []).filter((e) => e.name !== entry.name), entry];
}

function applyFill(spec: ServiceTemplateSpec, fill: Fill, value: InputValue): void {
  const deployment = spec.workload.deployment;
  const pod = deployment.template.spec;
  if (fill.env) setEnv(containerOf(pod, fill.env.container), { name: fill.env.name, value: String(value) });
  if (fill.arg) {
    const container = containerOf(pod, fill.arg.container);
    const { flag } = fill.arg;
    // A boolean with a flag is the flag or nothing; anything else is one argument of its own.
    const added =
      typeof value === 'boolean' && flag ? (value ? [flag] : []) : [...(flag ? [flag] : []), String(value)];
    container.args = [...(container.args ?? []), ...added];
  }
  if (fill.resource) {
    const container = containerOf(pod, fill.resource.container);
    const quantity = quantityOf(value);
    const resources = (container.resources ??= {});
    if (fill.resource.in !== 'limits')
      resources.requests = { ...resources.requests, [fill.resource.name]: quantity };
    if (fill.resource.in !== 'requests')
      resources.limits = { ...resources.limits, [fill.resource.name]: quantity };
  }
  if (fill.replicas) deployment.replicas = Number(value);
  if (fill.imageTag) {
    const container = containerOf(pod, fill.imageTag.container);
    container.image = withImageTag(container.image, String(value));
  }
  if (fill.storage) {
    const claim = spec.workload.volumeClaims?.find((c) => c.name === fill.storage?.claim);
    if (claim === undefined) throw new FillError(`the workload has no volume claim ${fill.storage.claim}`);
    claim.size = quantityOf(value);
  }
  if (fill.claimName) {
    const volume = pod.volumes?.find((v) => v.name === fill.claimName?.volume);
    if (volume?.persistentVolumeClaim === undefined)
      throw new FillError(`no claim volume ${fill.claimName.volume}`);
    volume.persistentVolumeClaim = { claimName: String(value) };
  }
  // The controller reads no secret, but it would hand the pod one the user may not read. Until it
  // checks the user's access (the secrets issue), a secret input fills nothing.
  if (fill.secretEnv) throw new FillError('secret inputs are not supported yet');
}

/** The Deployment, Service and claims of `instance`, or why there are none (nothing half-made). */
export function renderInstance(instance: ServiceInstance, template: ServiceTemplateSpec): Rendered {
  const { name, namespace, uid } = instance.metadata;
  if (namespace === undefined || uid === undefined)
    throw new Error('an instance read from the cluster has a namespace and uid');
  const policy = podTemplateProblems(template.workload.deployment);
  if (policy.length > 0)
    return {
      ok: false,
      reason: 'TemplateNotAllowed',
      problems: policy.map((message) => ({ input: '', message })),
    };
  const checked = checkInputs(template.inputs ?? [], instance.spec.inputs);
  if (!checked.ok) return { ok: false, reason: 'InputInvalid', problems: checked.problems };

  const spec = structuredClone(template);
  // Pod volumes naming one of the template's claims mount the instance's own copy of it.
  const claimNames = new Map((spec.workload.volumeClaims ?? []).map((c) => [c.name, `${name}-${c.name}`]));
  const pod = spec.workload.deployment.template.spec;
  for (const volume of pod.volumes ?? []) {
    const own = volume.persistentVolumeClaim
      ? claimNames.get(volume.persistentVolumeClaim.claimName)
      : undefined;
    if (own !== undefined) volume.persistentVolumeClaim = { claimName: own };
  }
  try {
    for (const input of spec.inputs ?? []) {
      const value = checked.values.get(input.name);
      if (value === undefined) continue;
      for (const fill of input.fills ?? []) applyFill(spec, fill, value);
    }
  } catch (error) {
    if (!(error instanceof FillError)) throw error;
    return { ok: false, reason: 'TemplateInvalid', problems: [{ input: '', message: error.message }] };
  }

  const templateName = instance.spec.template.name;
  const labels = {
    [instanceLabel]: name,
    [templateLabel]: templateName,
    'app.kubernetes.io/managed-by': 'argovue',
  };
  const owner = {
    apiVersion: instance.apiVersion,
    kind: 'ServiceInstance',
    name,
    uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  const metadata = (objectName: string) => ({
    name: objectName,
    namespace,
    labels,
    ownerReferences: [owner],
  });
  const deployment = spec.workload.deployment;
  const podMetadata = deployment.template.metadata ?? {};
  return {
    ok: true,
    objects: {
      deployment: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: metadata(name),
        spec: {
          ...deployment,
          replicas: instance.spec.stopped === true ? 0 : (deployment.replicas ?? 1),
          selector: { matchLabels: { [instanceLabel]: name } },
          template: {
            ...deployment.template,
            metadata: { ...podMetadata, labels: { ...podMetadata.labels, ...labels } },
          },
        },
      },
      service: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: metadata(name),
        spec: {
          selector: { [instanceLabel]: name },
          ports: spec.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: 'TCP' })),
        },
      },
      claims: (spec.workload.volumeClaims ?? []).map((claim) => ({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: metadata(claimNames.get(claim.name) ?? claim.name),
        spec: {
          accessModes: claim.accessModes ?? ['ReadWriteOnce'],
          resources: { requests: { storage: claim.size } },
          ...(claim.storageClassName === undefined ? {} : { storageClassName: claim.storageClassName }),
        },
      })),
    },
  };
}
