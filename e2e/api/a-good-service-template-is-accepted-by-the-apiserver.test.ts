// The other side of every refused-template test: a template using every input type, every fill
// target, a PVC, a probe and a restricted security context is accepted, namespaced and cluster-wide.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createTemplate,
  describeCreated,
  goodServiceTemplate,
  templateFixture,
} from '../support/service-templates.ts';

describe('a good service template', () => {
  const { api, namespace, clusterName } = templateFixture('svct-good');

  it('is accepted as a ServiceTemplate, fields intact', async () => {
    const created = await createTemplate(api, goodServiceTemplate('notebook'), namespace());
    assert.ok(created.ok, describeCreated(created));
    const stored = await api.json<{ spec: { inputs: { name: string; default?: unknown }[] } }>({
      path: `/apis/argovue.io/v1alpha1/namespaces/${namespace()}/servicetemplates/notebook`,
      as: 'argovue',
    });
    // Typed defaults stay typed: a number is a number, a boolean a boolean.
    assert.deepEqual(
      stored.spec.inputs.map((i) => [i.name, i.default]),
      [
        ['cpu', '500m'],
        ['replicas', 1],
        ['debug', false],
        ['version', '7.1'],
        ['data', undefined],
        ['size', '1Gi'],
        ['token', undefined],
      ],
    );
  });

  it('is accepted as a ClusterServiceTemplate', async () => {
    const created = await createTemplate(api, goodServiceTemplate(clusterName));
    assert.ok(created.ok, describeCreated(created));
  });
});
