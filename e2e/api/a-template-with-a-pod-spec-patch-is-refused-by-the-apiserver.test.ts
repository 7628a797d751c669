// Argo's podSpecPatch bypassed its own template restrictions (its published advisories): a service
// template has no such escape hatch, at any level of the workload.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  goodServiceTemplate,
  templateFixture,
  templateWithPod,
} from '../support/service-templates.ts';

describe('a service template with a podSpecPatch', () => {
  const { api, namespace } = templateFixture('svct-patch');
  const patch = '{"hostNetwork": true}';

  it('is refused in the pod spec', async () => {
    const template = templateWithPod('in-pod', (pod) => {
      pod['podSpecPatch'] = patch;
    });
    assertRefused(await createTemplate(api, template, namespace()), 403, 'podSpecPatch');
  });

  it('is refused beside the deployment', async () => {
    const template = goodServiceTemplate('in-deployment');
    const workload = template.spec['workload'] as { deployment: Record<string, unknown> };
    workload.deployment['podSpecPatch'] = patch;
    assertRefused(await createTemplate(api, template, namespace()), 403, 'podSpecPatch');
  });
});
