// An instance's input values are JSON scalars under input names: an object (a YAML fragment), a list,
// a name with template syntax or a 1 MB string never reaches the controller.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertRefused,
  createObject,
  describeCreated,
  servicesGroupVersion,
  templateFixture,
} from '../support/service-templates.ts';

describe('service instance inputs', () => {
  const { api, namespace } = templateFixture('svci-inputs');
  const instance = (name: string, inputs: Record<string, unknown>) => ({
    apiVersion: servicesGroupVersion,
    kind: 'ServiceInstance',
    metadata: { name },
    spec: { template: { name: 'notebook' }, inputs },
  });
  const create = (name: string, inputs: Record<string, unknown>) =>
    createObject(
      api,
      `/apis/argovue.io/v1alpha1/namespaces/${namespace()}/serviceinstances`,
      instance(name, inputs),
    );

  it('accepts strings, numbers and booleans', async () => {
    const created = await create('plain', { cpu: '500m', replicas: 1, ratio: 0.5, debug: true });
    assert.ok(created.ok, describeCreated(created));
  });

  it('refuses an object value', async () => {
    assertRefused(await create('object', { cpu: { hostNetwork: true } }), 422, 'string, number or boolean');
  });

  it('refuses a list value', async () => {
    assertRefused(await create('list', { args: ['--allow-root'] }), 422, 'string, number or boolean');
  });

  it('refuses an input name with template syntax', async () => {
    assertRefused(await create('syntax', { '{{ .Values }}': 'x' }), 422, 'input names');
  });

  it('refuses a 1 MB value', async () => {
    assertRefused(await create('huge', { note: 'x'.repeat(1024 * 1024) }), 422, 'at most 65536');
  });

  it('refuses changing the template of an instance', async () => {
    const path = `/apis/argovue.io/v1alpha1/namespaces/${namespace()}/serviceinstances/plain`;
    await assert.rejects(
      api.json({
        method: 'PATCH',
        path,
        contentType: 'application/merge-patch+json',
        body: { spec: { template: { name: 'other' } } },
        as: 'argovue',
      }),
      (error: Error) => error.message.includes('cannot change'),
    );
  });
});
