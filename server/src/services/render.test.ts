import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goodServiceTemplate } from './example-template.ts';
import { renderInstance, withImageTag } from './render.ts';
import type { Container, ServiceInstance, ServiceTemplateSpec } from './template-types.ts';

function template(change: (spec: ServiceTemplateSpec) => void = () => undefined): ServiceTemplateSpec {
  const spec = goodServiceTemplate('notebook').spec as unknown as ServiceTemplateSpec;
  // The secret input fills nothing yet (the controller does not check the user's access to secrets).
  spec.inputs = (spec.inputs ?? []).filter((i) => i.type !== 'secretRef');
  change(spec);
  return spec;
}

function instance(inputs: Record<string, unknown>, stopped = false): ServiceInstance {
  return {
    apiVersion: 'argovue.io/v1alpha1',
    kind: 'ServiceInstance',
    metadata: { name: 'mine', namespace: 'team-a', uid: 'u-1' },
    spec: { template: { name: 'notebook' }, inputs, stopped },
  };
}

function rendered(inputs: Record<string, unknown>, spec = template()) {
  const result = renderInstance(instance(inputs), spec);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const deployment = result.objects.deployment as {
    metadata: { ownerReferences: { uid: string; controller: boolean }[] };
    spec: {
      replicas: number;
      selector: unknown;
      template: {
        metadata: { labels: Record<string, string> };
        spec: { containers: Container[]; volumes: unknown[] };
      };
    };
  };
  const container = deployment.spec.template.spec.containers[0];
  assert.ok(container);
  return { result, deployment, container };
}

describe('rendering a service instance', () => {
  it('fills typed values into the fields the fills name', () => {
    const { deployment, container, result } = rendered({
      cpu: '2',
      replicas: 2,
      debug: true,
      version: '7.0',
      data: 'team-data',
      size: '5Gi',
    });
    assert.equal(deployment.spec.replicas, 2);
    assert.deepEqual(container.resources, { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2' } });
    assert.deepEqual(container.env, [{ name: 'DEBUG', value: 'true' }]);
    assert.deepEqual(container.args, ['start-notebook.py', 'true']);
    assert.equal(container.image, 'quay.io/jupyter/base-notebook:7.0');
    assert.deepEqual(deployment.spec.template.spec.volumes, [
      { name: 'data', persistentVolumeClaim: { claimName: 'team-data' } },
      { name: 'home', persistentVolumeClaim: { claimName: 'mine-home' } },
    ]);
    assert.ok(result.ok);
    assert.deepEqual(
      result.objects.claims.map((c) => (c as { metadata: { name: string }; spec: unknown }).spec),
      [{ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } }],
    );
  });

  it('owns every object and selects only its own pods', () => {
    const { deployment, result } = rendered({ data: 'team-data' });
    assert.ok(result.ok);
    for (const object of [result.objects.deployment, result.objects.service, ...result.objects.claims]) {
      const meta = (
        object as { metadata: { ownerReferences: { uid: string; controller: boolean }[]; namespace: string } }
      ).metadata;
      assert.equal(meta.namespace, 'team-a');
      assert.deepEqual(
        meta.ownerReferences.map((o) => [o.uid, o.controller]),
        [['u-1', true]],
      );
    }
    assert.deepEqual(deployment.spec.selector, { matchLabels: { 'argovue.io/instance': 'mine' } });
    assert.equal(deployment.spec.template.metadata.labels['argovue.dev/run-locally'], 'jupyter');
  });

  it('scales a stopped instance to zero', () => {
    const result = renderInstance(instance({ data: 'x' }, true), template());
    assert.ok(result.ok);
    assert.equal((result.objects.deployment as { spec: { replicas: number } }).spec.replicas, 0);
  });

  it('keeps YAML and template syntax as the text they are', () => {
    const spec = template((s) =>
      (s.inputs ?? []).push({
        name: 'note',
        type: 'string',
        fills: [{ env: { container: 'notebook', name: 'NOTE' } }],
      }),
    );
    const text = '{{ .Values }}\nhostNetwork: true\n---\nkind: Pod';
    const { container, deployment } = rendered({ data: 'x', note: text }, spec);
    assert.deepEqual(
      container.env?.find((e) => e.name === 'NOTE'),
      { name: 'NOTE', value: text },
    );
    assert.equal('hostNetwork' in deployment.spec.template.spec, false);
  });

  it('refuses values of the wrong type, out of bounds, unknown or missing, naming each', () => {
    const result = renderInstance(
      instance({ replicas: 3, debug: 'yes', version: '9', cpu: 'lots', extra: 1 }),
      template(),
    );
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.map((p) => p.input).sort(), [
      'cpu',
      'data',
      'debug',
      'extra',
      'replicas',
      'version',
    ]);
  });

  it('refuses a template whose pod the policy would refuse, whatever the apiserver let through', () => {
    const spec = template((s) => (s.workload.deployment.template.spec['hostNetwork'] = true));
    const result = renderInstance(instance({ data: 'x' }), spec);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'TemplateNotAllowed');
  });

  it('replaces only the tag of an image', () => {
    assert.equal(withImageTag('registry:5000/a/b:1', '2'), 'registry:5000/a/b:2');
    assert.equal(withImageTag('registry:5000/a/b', '2'), 'registry:5000/a/b:2');
    assert.equal(withImageTag('a/b:1@sha256:abc', '2'), 'a/b:2');
    assert.throws(() => withImageTag('a/b:1', '2 --privileged'));
  });
});
